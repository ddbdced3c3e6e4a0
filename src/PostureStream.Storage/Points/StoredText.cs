using System.Text;

namespace PostureStream.Storage.Points;

/// <summary>Free text a person typed (a programme's name, a session's note) as a field's UTF-8; null stays absent.</summary>
internal static class StoredText
{
    public static void Visit<TVisitor>(ref TVisitor visitor, string? text)
        where TVisitor : struct, IFieldVisitor
    {
        if (text is null)
        {
            visitor.Absent();
        }
        else
        {
            // Low-volume records only: the allocation does not touch the posture hot path.
            visitor.Text(Encoding.UTF8.GetBytes(text));
        }
    }
}
