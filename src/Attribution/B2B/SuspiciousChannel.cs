namespace Attribution.B2B;

/// <summary>One channel's (or campaign's) row of <see cref="SuspiciousChannels.Detect"/>: every signal with the numbers behind it.</summary>
public sealed class SuspiciousChannel
{
    internal SuspiciousChannel(string key, int leads, bool hasEnoughData, ProgressSignal noProgress, ShareSignal duplicates, ShareSignal injection, TimingDistance timing, HijackSignal hijack, BurstSignal bursts)
    {
        Key = key;
        Leads = leads;
        HasEnoughData = hasEnoughData;
        NoProgress = noProgress;
        Duplicates = duplicates;
        Injection = injection;
        Timing = timing;
        Hijack = hijack;
        Bursts = bursts;
        Score = (noProgress.Fired ? 1 : 0) + (duplicates.Fired ? 1 : 0) + (injection.Fired ? 1 : 0) + (hijack.Fired ? 1 : 0) + (bursts.Fired ? 1 : 0);
    }

    /// <summary>Gets the channel or campaign.</summary>
    public string Key { get; }

    /// <summary>Gets its first-stage conversions, credited by last touch.</summary>
    public int Leads { get; }

    /// <summary>Gets whether it has at least <see cref="SuspiciousChannelOptions.MinLeads"/> leads; without them no signal
    /// fires ("insufficient data"), though the numbers are still shown.</summary>
    public bool HasEnoughData { get; }

    /// <summary>Gets the number of signals that fired, 0 to 5.</summary>
    public int Score { get; }

    /// <summary>Gets the no-progress signal.</summary>
    public ProgressSignal NoProgress { get; }

    /// <summary>Gets the duplicate-lead signal: first-stage conversions whose journey had one within the duplicate window before.</summary>
    public ShareSignal Duplicates { get; }

    /// <summary>Gets the injection signal: last-touch conversions (of the stages' kinds) within the injection window after the touch.</summary>
    public ShareSignal Injection { get; }

    /// <summary>Gets the Kolmogorov–Smirnov evidence beside the injection signal (it never fires on its own).</summary>
    public TimingDistance Timing { get; }

    /// <summary>Gets the last-touch hijack signal.</summary>
    public HijackSignal Hijack { get; }

    /// <summary>Gets the burst signal.</summary>
    public BurstSignal Bursts { get; }

    /// <inheritdoc/>
    public override string ToString() => HasEnoughData ? $"{Key}: score {Score}" : $"{Key}: insufficient data ({Leads} leads)";
}
