namespace PostureStream.Dashboard.Api;

/// <summary>A query parameter the dashboard cannot use; answered with 400 and this message.</summary>
internal sealed class BadQueryException(string message) : Exception(message);
