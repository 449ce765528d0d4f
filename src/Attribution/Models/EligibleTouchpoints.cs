namespace Attribution.Models;

/// <summary>The touchpoints eligible for one conversion, in time order, as a model sees them.</summary>
/// <remarks>
/// The spans point into the engine's columns or scratch buffers and are valid only during the call that receives them.
/// Channel and campaign ids index <see cref="ChannelNames"/> and <see cref="CampaignNames"/>; a campaign id of −1 means
/// the touch has no campaign. Times are UTC ticks (100 ns units).
/// </remarks>
public readonly ref struct EligibleTouchpoints
{
    /// <summary>Creates the touchpoints of one conversion, as the engine does; for testing a model's <see cref="IAttributionModel.ComputeWeights"/>.</summary>
    /// <param name="utcTicks">Each touchpoint's instant in UTC ticks, ascending.</param>
    /// <param name="channels">Each touchpoint's channel id, an index into <paramref name="channelNames"/>.</param>
    /// <param name="campaigns">Each touchpoint's campaign id, an index into <paramref name="campaignNames"/>, or −1 for none.</param>
    /// <param name="conversionUtcTicks">The conversion's instant in UTC ticks.</param>
    /// <param name="conversionValue">The conversion's value.</param>
    /// <param name="channelNames">The channel names by id.</param>
    /// <param name="campaignNames">The campaign names by id.</param>
    /// <param name="milestones">The window position of each milestone touch (M0, M1, …), −1 where missing; empty without stages.</param>
    /// <param name="conversionKind">The conversion's kind.</param>
    /// <exception cref="ArgumentException">The spans are empty or of different lengths, an id is outside its names, or a milestone is outside the window.</exception>
    /// <exception cref="ArgumentNullException">A list of names is null.</exception>
    /// <example>
    /// <code>
    /// string[] channels = ["search", "email"];
    /// var touches = new EligibleTouchpoints([t0.UtcTicks, t1.UtcTicks], [0, 1], [-1, -1], t2.UtcTicks, 100, channels, []);
    /// Span&lt;double&gt; weights = stackalloc double[2];
    /// myModel.ComputeWeights(touches, weights);
    /// </code>
    /// </example>
    public EligibleTouchpoints(
        ReadOnlySpan<long> utcTicks,
        ReadOnlySpan<int> channels,
        ReadOnlySpan<int> campaigns,
        long conversionUtcTicks,
        double conversionValue,
        IReadOnlyList<string> channelNames,
        IReadOnlyList<string> campaignNames,
        ReadOnlySpan<int> milestones = default,
        string conversionKind = Journeys.Conversion.DefaultKind)
        : this(utcTicks, channels, campaigns, conversionUtcTicks, conversionValue, channelNames, campaignNames, milestones, conversionKind, trusted: false)
    {
    }

    internal EligibleTouchpoints(
        ReadOnlySpan<long> utcTicks,
        ReadOnlySpan<int> channels,
        ReadOnlySpan<int> campaigns,
        long conversionUtcTicks,
        double conversionValue,
        IReadOnlyList<string> channelNames,
        IReadOnlyList<string> campaignNames,
        ReadOnlySpan<int> milestones,
        string conversionKind,
        bool trusted)
    {
        if (!trusted)
        {
            Validate(utcTicks, channels, campaigns, channelNames, campaignNames);
            ArgumentNullException.ThrowIfNull(conversionKind);
            foreach (var m in milestones)
            {
                if (m < -1 || m >= channels.Length)
                {
                    throw new ArgumentException($"Milestone position {m} is neither −1 nor a position of the {channels.Length} touchpoints.", nameof(milestones));
                }
            }
        }

        Milestones = milestones;
        ConversionKind = conversionKind;
        UtcTicks = utcTicks;
        Channels = channels;
        Campaigns = campaigns;
        ConversionUtcTicks = conversionUtcTicks;
        ConversionValue = conversionValue;
        ChannelNames = channelNames;
        CampaignNames = campaignNames;
    }

    /// <summary>Gets the number of eligible touchpoints (at least 1).</summary>
    public int Count => Channels.Length;

    /// <summary>Gets each touchpoint's instant in UTC ticks, ascending.</summary>
    public ReadOnlySpan<long> UtcTicks { get; }

    /// <summary>Gets each touchpoint's channel id.</summary>
    public ReadOnlySpan<int> Channels { get; }

    /// <summary>Gets each touchpoint's campaign id, or −1 for none.</summary>
    public ReadOnlySpan<int> Campaigns { get; }

    /// <summary>Gets the conversion's instant in UTC ticks.</summary>
    public long ConversionUtcTicks { get; }

    /// <summary>Gets the position in this window of each milestone touch, −1 where one is missing; empty when the run
    /// has no stages (<see cref="Engine.AttributionOptions.Stages"/>).</summary>
    /// <remarks>For a conversion of stage j: M0 is the first eligible touch, Mi (0 &lt; i &lt; j) the last eligible touch
    /// sorted before the journey's latest conversion of stage i at or before this one, Mj the last eligible touch; the
    /// places after j are −1. For a conversion whose kind is no stage: M0 and the last eligible touch in places 0 and 1.
    /// One touch may hold several milestones.</remarks>
    public ReadOnlySpan<int> Milestones { get; }

    /// <summary>Gets the conversion's kind.</summary>
    public string ConversionKind { get; }

    /// <summary>Gets the conversion's value.</summary>
    public double ConversionValue { get; }

    /// <summary>Gets the channel names, indexed by channel id.</summary>
    public IReadOnlyList<string> ChannelNames { get; }

    /// <summary>Gets the campaign names, indexed by campaign id.</summary>
    public IReadOnlyList<string> CampaignNames { get; }

    private static void Validate(ReadOnlySpan<long> utcTicks, ReadOnlySpan<int> channels, ReadOnlySpan<int> campaigns, IReadOnlyList<string> channelNames, IReadOnlyList<string> campaignNames)
    {
        ArgumentNullException.ThrowIfNull(channelNames);
        ArgumentNullException.ThrowIfNull(campaignNames);
        if (channels.IsEmpty || utcTicks.Length != channels.Length || campaigns.Length != channels.Length)
        {
            throw new ArgumentException(
                $"Give at least one touchpoint and as many instants and campaigns as channels (got {utcTicks.Length} instants, {channels.Length} channels, {campaigns.Length} campaigns).",
                nameof(channels));
        }

        for (var i = 0; i < channels.Length; i++)
        {
            if ((uint)channels[i] >= (uint)channelNames.Count)
            {
                throw new ArgumentException($"Channel id {channels[i]} of touchpoint {i} is not an index of the {channelNames.Count} channel names.", nameof(channels));
            }

            if (campaigns[i] < -1 || campaigns[i] >= campaignNames.Count)
            {
                throw new ArgumentException($"Campaign id {campaigns[i]} of touchpoint {i} is neither −1 nor an index of the {campaignNames.Count} campaign names.", nameof(campaigns));
            }
        }
    }
}
