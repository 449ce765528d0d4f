namespace Attribution.Engine.Kernels;

/// <summary>One model's allocation of one conversion, specialised so the engine's loop inlines it (a struct generic
/// argument, as CommunityToolkit's <c>ParallelHelper.For&lt;TAction&gt;</c> does).</summary>
internal interface ICreditKernel
{
    /// <summary>Credits one conversion from its eligible touches.</summary>
    /// <param name="window">The eligible touches and the conversion.</param>
    /// <param name="rollup">Where the credits go.</param>
    /// <returns>False when every weight was 0: the conversion is unattributed and nothing was credited.</returns>
    bool Credit(in CreditWindow window, ref Rollup rollup);
}
