namespace PostureStream.Storage.Influx;

/// <summary>The kinds of repeatable warnings and errors the writer rate-limits separately.</summary>
internal enum WarningKind
{
    /// <summary>Not reachable / reachable again: one kind, so the latest line shown is the current state.</summary>
    Reachability,

    /// <summary>401, 403 or 404: a setting to fix.</summary>
    Configuration,

    /// <summary>A batch rejected and dead-lettered.</summary>
    DeadLettered,

    /// <summary>A poison batch quarantined.</summary>
    Quarantined,

    /// <summary>The dead-letter or quarantine file is full.</summary>
    SetAsideFull,

    /// <summary>The spool is full / accepts again.</summary>
    SpoolFull,

    /// <summary>An append to the spool failed.</summary>
    SpoolWriteFailed,

    /// <summary>The send loop could not write a file (ack, dead letter).</summary>
    SendLoopFailed,
}
