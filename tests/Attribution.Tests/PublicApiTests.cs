using System.Reflection;
using System.Runtime.CompilerServices;
using Attribution.DataDriven;
using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;
using static Attribution.Tests.Fixtures;

namespace Attribution.Tests;

/// <summary>Promises the whole public surface keeps, checked by reflection so that new types are held to them too.</summary>
public sealed class PublicApiTests(ITestOutputHelper output)
{
    private static readonly Assembly Core = typeof(Journey).Assembly;

    private static readonly Type[] PublicTypes = Core.GetExportedTypes();

    [Fact]
    public void EveryPublicClass_IsSealedOrStatic()
    {
        // A static class is abstract and sealed in metadata, so IsSealed covers both.
        PublicTypes.Where(t => t.IsClass && !t.IsSealed).Should().BeEmpty("public classes are sealed (or static) by default");
    }

    [Fact]
    public void EveryPublicStruct_IsReadOnly()
    {
        var structs = PublicTypes.Where(t => t.IsValueType && !t.IsEnum).ToArray();

        structs.Should().Contain([typeof(Touchpoint), typeof(Conversion), typeof(CreditTotal), typeof(TouchpointCredit)]);
        structs.Where(t => !t.IsDefined(typeof(IsReadOnlyAttribute), inherit: false)).Should().BeEmpty("facts are immutable value types");
    }

    [Fact]
    public void PublicTypes_HaveTheIntendedShapes()
    {
        // Records (value equality, with-expressions) for facts and options; sealed classes for aggregates and services.
        Type[] records =
        [
            typeof(Touchpoint), typeof(Conversion), typeof(CreditTotal), typeof(TouchpointCredit), typeof(Credit),
            typeof(JourneyAttribution), typeof(AttributionOptions), typeof(TimeDecayModelOptions), typeof(UShapedModelOptions),
            typeof(ChannelWeightsModelOptions),
        ];
        records.Where(t => t.GetMethod("PrintMembers", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public) is null)
            .Should().BeEmpty("these are declared as records");

        typeof(AttributionModels).Should().BeStatic();
        typeof(AttributionModelExtensions).Should().BeStatic();
        typeof(IAttributionModel).IsInterface.Should().BeTrue();
        typeof(EligibleTouchpoints).IsByRefLike.Should().BeTrue();
        new[] { typeof(Journey), typeof(JourneySet), typeof(AttributionResult), typeof(AttributionReport), typeof(PathSet), typeof(AttributionEngine) }
            .Should().AllSatisfy(t => t.Should().BeSealed());
    }

    [Fact]
    public void NoPublicType_HasAPublicSetterOtherThanInit()
    {
        var settable = PublicTypes
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(p => p.SetMethod is { IsPublic: true } setter
                && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}");

        settable.Should().BeEmpty("results, facts and options are immutable once built");
    }

    [Fact]
    public void NoPublicType_HasAPublicMutableField()
    {
        var fields = PublicTypes
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(f => !f.IsLiteral && !f.IsInitOnly && !f.IsSpecialName)
            .Select(f => $"{f.DeclaringType!.Name}.{f.Name}");

        fields.Should().BeEmpty();
    }

    [Fact]
    public void ResultTypes_HaveNoSettersAtAll_ExceptPositionalRecords()
    {
        // Results that the engine builds are read-only; only positional records carry init accessors (for with-expressions).
        Type[] results = [typeof(AttributionResult), typeof(AttributionReport), typeof(PathSet), typeof(JourneySet), typeof(Journey)];

        results.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Where(p => p.SetMethod is { IsPublic: true })
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .Should().BeEmpty();
    }

    [Fact]
    public void EveryPublicEntryPoint_RejectsNullWithArgumentNullExceptionNamingTheParameter()
    {
        var nullability = new NullabilityInfoContext();
        var failures = new List<string>();
        var checkedCount = 0;

        foreach (var type in PublicTypes.Where(t => !t.IsInterface))
        {
            var members = type.GetConstructors()
                .Where(c => !IsPositionalRecordConstructor(type, c))
                .Cast<MethodBase>()
                .Concat(type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                    .Where(m => !m.IsGenericMethodDefinition && !m.IsAbstract && (!m.IsSpecialName || m.Name == "get_Item")));

            foreach (var member in members)
            {
                var parameters = member.GetParameters();
                if (parameters.Any(p => p.ParameterType.IsByRef || p.ParameterType.IsByRefLike || p.ParameterType.IsPointer))
                {
                    continue;
                }

                for (var i = 0; i < parameters.Length; i++)
                {
                    var parameter = parameters[i];
                    if (parameter.ParameterType.IsValueType || nullability.Create(parameter).WriteState != NullabilityState.NotNull)
                    {
                        continue;
                    }

                    // A member whose other arguments or instance cannot be made is skipped (and listed): the test must not
                    // break when a new type arrives, and the count below keeps it from checking nothing.
                    object? target = null;
                    if (!TryArguments(parameters, i, nullability, out var arguments)
                        || (member is MethodInfo { IsStatic: false } && !TrySample(type, 0, out target)))
                    {
                        output.WriteLine($"skipped {Describe(member)}: no sample value; add one to {nameof(Samples)}.");
                        continue;
                    }

                    checkedCount++;
                    var outcome = Invoke(member, target, arguments);
                    if (outcome is not ArgumentNullException ane || ane.ParamName != parameter.Name)
                    {
                        failures.Add($"{Describe(member)} with {parameter.Name} = null: {outcome?.GetType().Name ?? "no exception"}"
                            + (outcome is ArgumentException ae ? $" (ParamName '{ae.ParamName}')" : string.Empty));
                    }
                }
            }
        }

        failures.Should().BeEmpty();
        checkedCount.Should().BeGreaterThan(20, "the reflection must actually reach the public entry points");
    }

    private static readonly Journey SampleJourney = JourneyOf("sample", [Touch(-1, "linear")], Conv(0));

    private static readonly JourneySet SampleSet = JourneySet.Create([SampleJourney]);

    /// <summary>Valid values for parameters and instances; anything else is built through a public constructor.</summary>
    private static readonly Dictionary<Type, Func<object>> Samples = new()
    {
        // "linear" is a model name, a channel name and a valid id at once, so any string parameter accepts it.
        [typeof(string)] = () => "linear",
        [typeof(DateTimeOffset)] = () => T0,
        [typeof(Touchpoint)] = () => Touch(-1, "linear"),
        [typeof(Conversion)] = () => Conv(0),
        [typeof(Journey)] = () => SampleJourney,
        [typeof(JourneySet)] = () => SampleSet,
        [typeof(IEnumerable<Touchpoint>)] = () => new[] { Touch(-1, "linear") },
        [typeof(IEnumerable<Conversion>)] = () => new[] { Conv(0) },
        [typeof(IEnumerable<Journey>)] = () => new[] { SampleJourney },
        [typeof(IEnumerable<string>)] = () => new[] { "linear" },
        [typeof(IAttributionModel)] = () => AttributionModels.Linear,
        [typeof(IEnumerable<IAttributionModel>)] = () => new[] { AttributionModels.Linear },
        [typeof(Func<TouchpointWeightArguments, double>)] = () => new Func<TouchpointWeightArguments, double>(_ => 1),
        [typeof(AttributionResult)] = () => new AttributionEngine().Run(SampleSet, AttributionModels.Linear),
        [typeof(AttributionReport)] = () => new AttributionEngine().Run(SampleSet, [AttributionModels.Linear]),
        [typeof(PathSet)] = () => PathSet.FromJourneys(SampleSet),
        [typeof(SpendTable)] = () => SpendTable.Empty,
        [typeof(IEnumerable<SpendReturn>)] = () => new[] { new SpendReturn("linear", "linear", ["linear"], 1, 1, 1) },
        [typeof(BudgetWhatIfOptions)] = () => new BudgetWhatIfOptions { Budget = 1 },
        [typeof(IEnumerable<CampaignOwnership>)] = () => new[] { new CampaignOwnership("linear", "linear") },
        [typeof(TeamStructure)] = () => new TeamStructure([new CampaignOwnership("linear", "linear")]),
    };

    private static bool TryArguments(ParameterInfo[] parameters, int nullIndex, NullabilityInfoContext nullability, out object?[] arguments)
    {
        arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var p = parameters[i];
            if (i == nullIndex)
            {
                continue;
            }

            if (p.ParameterType.IsValueType)
            {
                arguments[i] = Samples.TryGetValue(p.ParameterType, out var make) ? make()
                    : p.HasDefaultValue && p.DefaultValue is not null ? p.DefaultValue
                    : Activator.CreateInstance(p.ParameterType);
            }
            else if (nullability.Create(p).WriteState != NullabilityState.NotNull)
            {
                arguments[i] = null;
            }
            else if (!TrySample(p.ParameterType, 0, out arguments[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TrySample(Type type, int depth, out object? value)
    {
        value = null;
        if (Samples.TryGetValue(type, out var make))
        {
            value = make();
            return true;
        }

        if (type.IsAbstract || type.IsInterface || depth > 2)
        {
            return false;
        }

        var nullability = new NullabilityInfoContext();

        // Constructors first, then public static factories anywhere in the assembly (Fit, Parse, Create …).
        var factories = type.GetConstructors().Cast<MethodBase>()
            .Concat(PublicTypes.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
                .Where(m => m.ReturnType == type && !m.IsGenericMethodDefinition));
        foreach (var constructor in factories.OrderBy(c => c.GetParameters().Length))
        {
            var parameters = constructor.GetParameters();
            if (parameters.Any(p => p.ParameterType.IsByRef || p.ParameterType.IsByRefLike || p.ParameterType.IsPointer))
            {
                continue;
            }

            var arguments = new object?[parameters.Length];
            var ok = true;
            for (var i = 0; i < parameters.Length && ok; i++)
            {
                var p = parameters[i];
                if (p.ParameterType.IsValueType)
                {
                    arguments[i] = p.HasDefaultValue ? p.DefaultValue : Activator.CreateInstance(p.ParameterType);
                }
                else if (nullability.Create(p).WriteState != NullabilityState.NotNull)
                {
                    arguments[i] = null;
                }
                else
                {
                    ok = TrySample(p.ParameterType, depth + 1, out arguments[i]);
                }
            }

            if (ok)
            {
                try
                {
                    value = constructor is ConstructorInfo c ? c.Invoke(arguments) : constructor.Invoke(null, arguments);
                    return value is not null;
                }
                catch (TargetInvocationException)
                {
                    // Try the next factory.
                }
            }
        }

        return false;
    }

    private static Exception? Invoke(MethodBase member, object? target, object?[] arguments)
    {
        try
        {
            if (member is ConstructorInfo constructor)
            {
                constructor.Invoke(BindingFlags.DoNotWrapExceptions, null, arguments, null);
            }
            else
            {
                member.Invoke(target, BindingFlags.DoNotWrapExceptions, null, arguments, null);
            }

            return null;
        }
#pragma warning disable CA1031 // Any exception is the outcome under test.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return e;
        }
    }

    /// <summary>Positional records are data carriers the library fills in itself; their generated constructors do not guard.</summary>
    private static bool IsPositionalRecordConstructor(Type type, ConstructorInfo constructor)
    {
        var deconstruct = type.GetMethod("Deconstruct");
        return deconstruct is not null
            && deconstruct.GetParameters().Select(p => p.Name).SequenceEqual(constructor.GetParameters().Select(p => p.Name));
    }

    private static string Describe(MethodBase member)
        => $"{member.DeclaringType!.Name}.{(member is ConstructorInfo ? "ctor" : member.Name)}({string.Join(", ", member.GetParameters().Select(p => p.ParameterType.Name))})";
}
