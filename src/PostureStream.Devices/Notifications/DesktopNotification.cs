namespace PostureStream.Devices.Notifications;

/// <summary>
/// One notice for the person at the computer: a short summary and a body. <see cref="Key"/> groups notices that
/// replace each other on screen (one per wearer, so a reminder replaces its raise instead of stacking up).
/// </summary>
public sealed record DesktopNotification(string Key, string Summary, string Body, bool Urgent = false);
