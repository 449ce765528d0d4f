using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Attribution.Engine.Kernels;

/// <summary>Adds one conversion's credits to a partition's totals of the conversion's kind.</summary>
/// <remarks>(conversions, value) pairs are added as one vector: lane-wise IEEE additions, so the same bits as two scalar
/// sums at half the loads and stores. share × (1, value) = (share, share × value) exactly.</remarks>
internal ref struct Rollup
{
    private readonly ref Vector128<double> channels;
    private readonly ref Vector128<double> campaigns;
    private readonly Vector128<double> factors;
#if DEBUG
    private readonly int channelCount;
    private readonly int campaignSlots;
#endif

    /// <param name="channels">The totals of the conversion's kind, by channel id.</param>
    /// <param name="campaigns">The totals of the conversion's kind, by campaign slot (a campaign × touch-type slot when the set has several touch types).</param>
    /// <param name="value">The conversion's value.</param>
    /// <param name="channelCount">How many channel totals there are (checked in debug builds).</param>
    /// <param name="campaignSlots">How many campaign slots there are (checked in debug builds).</param>
    public Rollup(ref Vector128<double> channels, ref Vector128<double> campaigns, double value, int channelCount, int campaignSlots)
    {
        this.channels = ref channels;
        this.campaigns = ref campaigns;
        factors = Vector128.Create(1.0, value);
#if DEBUG
        this.channelCount = channelCount;
        this.campaignSlots = campaignSlots;
#else
        _ = channelCount;
        _ = campaignSlots;
#endif
    }

    /// <summary>Credits one touch with a share of the conversion.</summary>
    /// <param name="channel">The touch's channel id.</param>
    /// <param name="campaign">The touch's roll-up key (<see cref="CreditWindow.RollupKeys"/>): its campaign id, −1 for none (slot
    /// 0 holds those, so key + 1 indexes without a branch), plus its touch type × (campaign count + 1).</param>
    /// <param name="share">The touch's share of the conversion.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Add(int channel, int campaign, double share)
    {
#if DEBUG
        Debug.Assert((uint)channel < (uint)channelCount && (uint)(campaign + 1) < (uint)campaignSlots, "ids come from the set the totals were sized to");
#endif
        var credit = Vector128.Create(share) * factors;
        Unsafe.Add(ref channels, (nint)(uint)channel) += credit;
        Unsafe.Add(ref campaigns, (nint)(uint)(campaign + 1)) += credit;
    }
}
