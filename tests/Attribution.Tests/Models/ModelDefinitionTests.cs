using Attribution.DataDriven;
using Attribution.Models;
using static Attribution.Tests.Fixtures;

namespace Attribution.Tests.Models;

public sealed class ModelDefinitionTests
{
    [Fact]
    public void Create_Variant_WeighsByItsSettingsUnderItsName()
    {
        var early = new ModelDefinition("early", "Position-Based", new ModelSettings { UShaped = new UShapedModelOptions { First = 0.5, Middle = 0.3, Last = 0.2 } });

        var model = early.Create();

        // u-shaped 0.5/0.3/0.2 over four touches: 0.5, 0.3/2 = 0.15, 0.15, 0.2.
        early.Model.Should().Be("u-shaped");
        model.Name.Should().Be("early");
        Shares(model, Touches(4)).Should().Equal([0.5, 0.15, 0.15, 0.2], Close);
    }

    [Fact]
    public void Create_NamedAsItsModel_KeepsTheModelsOwnName()
    {
        // An order-2 chain is markov-2 whatever the definition is called when it is called markov.
        var builder = new PathSetBuilder();
        builder.Add(["a", "b"], conversions: 1, value: 1, nulls: 1);
        var definition = new ModelDefinition("markov", "markov", new ModelSettings { Markov = new MarkovOptions { Order = 2 } });

        definition.IsDataDriven.Should().BeTrue();
        definition.Create(builder.Build()).Name.Should().Be("markov-2");
        new ModelDefinition("j-shaped", "j-shaped").Create().Name.Should().Be("j-shaped");
    }

    [Fact]
    public void Create_DataDrivenWithoutPaths_Throws()
    {
        var act = () => new ModelDefinition("chain", "markov").Create();

        act.Should().Throw<ArgumentException>().WithMessage("*learns from data*");
    }

    [Fact]
    public void Constructor_UnknownModel_ThrowsNamingIt()
    {
        var act = () => new ModelDefinition("late", "time-decai");

        act.Should().Throw<ArgumentException>().WithMessage("*'time-decai'*time-decay*").Which.ParamName.Should().Be("model");
    }
}
