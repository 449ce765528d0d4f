using System.Globalization;

namespace Attribution.Cli.Tests;

/// <summary>--accounts, --identities, --contact-roles and the accounts command, end to end on small hand-made files.</summary>
public sealed class AccountsCommandTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly string events;
    private readonly string people;
    private readonly string identities;
    private readonly string roles;

    public AccountsCommandTests()
    {
        // acme's people anna, ben and carl (whose webinar row is under his alias c.smith); dora has no account, and her
        // opportunity is recorded twice.
        events = temp.Write("events.csv", """
            journey_id,timestamp,channel,campaign,conversion,value,conversion_id
            anna,2026-03-01T00:00:00Z,email,nurture,,,
            ben,2026-03-02T00:00:00Z,search,brand,,,
            c.smith,2026-03-03T00:00:00Z,webinar,spring,,,
            acme,2026-03-05T00:00:00Z,,,opportunity,90,opp1
            acme,2026-03-06T00:00:00Z,,,opportunity,30,opp2
            ben,2026-03-07T00:00:00Z,email,nurture,,,
            dora,2026-03-02T00:00:00Z,social,,,,
            dora,2026-03-04T00:00:00Z,,,opportunity,10,opp9
            dora,2026-03-04T12:00:00Z,,,opportunity,10,opp9

            """);
        people = temp.Write("people.csv", "person_id,account_id\nanna,acme\nben,acme\ncarl,acme\n");
        identities = temp.Write("identities.csv", "alias_id,canonical_id\nc.smith,carl\n");
        roles = temp.Write("roles.csv", "conversion_id,person_id,role,primary\nopp1,anna,Decision Maker,true\nopp1,ben,Evaluator,false\n");
    }

    public void Dispose() => temp.Dispose();

    private static Dictionary<string, double> Values(CliRun run)
        => run.StdoutLines.Skip(1).Select(l => l.Split(',')).Where(f => f[1] == "opportunity")
            .ToDictionary(f => f[2], f => double.Parse(f[4], CultureInfo.InvariantCulture));

    [Fact]
    public void Attribute_WithAccountsIdentitiesAndAllContactRoles()
    {
        var run = CliRun.Of("attribute", "--input", events, "--model", "linear", "--reset", "never", "--format", "csv",
            "--accounts", people, "--identities", identities, "--contact-roles", roles);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stderr.Should().Be(
            "attribution: note: 1 people without an account kept their own journeys.\n"
            + "attribution: note: 1 duplicate conversions removed (same journey, kind and conversion_id; the first in time order counts).\n");

        // opp1 (90) from its contacts anna (email) and ben (search): 45 each. opp2 (30, unlisted) from the whole account's
        // three touches before it: 10 each. dora's opp9 counted once (10), from her social touch; nothing unattributed, so no such row.
        Values(run).Should().BeEquivalentTo(new Dictionary<string, double>
        {
            ["email"] = 55, ["search"] = 55, ["webinar"] = 10, ["social"] = 10,
        });
    }

    [Fact]
    public void ContactRolesNamingAnUnknownConversion_AreReported()
    {
        // opp7 and opp8 are in no row of the input: a typo or another export. opp1's roles still apply.
        var extra = temp.Write("roles-extra.csv", "conversion_id,person_id\nopp1,anna\nopp8,ben\nopp7,anna\n");

        var run = CliRun.Of("attribute", "--input", events, "--model", "linear", "--reset", "never", "--format", "csv",
            "--accounts", people, "--identities", identities, "--contact-roles", extra);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stderr.Should().Contain("warning: --contact-roles lists 2 conversion id(s) that no conversion of the input has (opp7, opp8); their roles restrict nothing.\n");
        Values(run)["email"].Should().Be(100, "opp1 (90) goes to anna's email alone, opp2 splits 30 over three touches");
    }

    [Fact]
    public void Attribute_PrimaryContactOnly()
    {
        var run = CliRun.Of("attribute", "--input", events, "--model", "linear", "--reset", "never", "--format", "csv",
            "--accounts", people, "--identities", identities, "--contact-roles", roles, "--primary-contact-only");

        // opp1 from anna alone: email 90 (+ 10 of opp2).
        run.ExitCode.Should().Be(0, run.Stderr);
        Values(run).Should().BeEquivalentTo(new Dictionary<string, double>
        {
            ["email"] = 100, ["search"] = 10, ["webinar"] = 10, ["social"] = 10,
        });
    }

    [Fact]
    public void Attribute_WithoutAccounts_OpportunitiesOfTheAccountHaveNoTouches()
    {
        var run = CliRun.Of("attribute", "--input", events, "--model", "linear", "--format", "csv");

        // acme's 90 + 30 are unattributed; dora's 10 (once) goes to social. The duplicate is reported all the same.
        run.Stderr.Should().Contain("1 duplicate conversions removed");
        Values(run)["(unattributed)"].Should().Be(120);
        Values(run)["social"].Should().Be(10);
    }

    [Fact]
    public void Accounts_ReportsEngagementPerAccountAndCampaign()
    {
        var run = CliRun.Of("accounts", "--input", events, "--accounts", people, "--identities", identities, "--stages", "opportunity", "--format", "csv");

        // ben's second nurture email (Mar 7) comes after the opportunities (Mar 5, 6): stage opportunity. dora has no account.
        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Be(
            "account,campaign,channel,touches,people,first_engagement,last_engagement,no_stage,stage_opportunity\n"
            + "acme,nurture,email,2,2,2026-03-01T00:00:00Z,2026-03-07T00:00:00Z,1,1\n"
            + "acme,brand,search,1,1,2026-03-02T00:00:00Z,2026-03-02T00:00:00Z,1,0\n"
            + "acme,spring,webinar,1,1,2026-03-03T00:00:00Z,2026-03-03T00:00:00Z,1,0\n");
        run.Stderr.Should().Contain("1 people without an account");
    }

    [Fact]
    public void Accounts_ByChannel()
    {
        var run = CliRun.Of("accounts", "--input", events, "--accounts", people, "--by", "channel", "--format", "csv");
        run.ExitCode.Should().Be(0, run.Stderr);

        // Without --identities, c.smith is a person without an account (with dora): acme has email and search only.
        run.Stdout.Should().Be(
            "account,channel,touches,people,first_engagement,last_engagement,no_stage\n"
            + "acme,email,2,2,2026-03-01T00:00:00Z,2026-03-07T00:00:00Z,2\n"
            + "acme,search,1,1,2026-03-02T00:00:00Z,2026-03-02T00:00:00Z,1\n");
        run.Stderr.Should().Contain("2 people without an account");
    }

    [Fact]
    public void OverlappingPeriods_AreADataErrorNamingTheLines()
    {
        var overlapping = temp.Write("overlap.csv", "person_id,account_id,from,to\nanna,acme,,2026-03-10\nanna,globex,2026-03-01,\n");
        CliRun.Of("attribute", "--input", events, "--model", "linear", "--accounts", overlapping)
            .ShouldFail(1, "overlap.csv", "line 2 and this line", "'anna'", "overlap");
    }

    [Fact]
    public void IdentityCycle_IsADataErrorNamingTheIds()
    {
        var cycle = temp.Write("cycle.csv", "alias_id,canonical_id\na,b\nb,c\nc,a\n");
        CliRun.Of("attribute", "--input", events, "--model", "linear", "--identities", cycle)
            .ShouldFail(1, "cycle.csv", "'a' → 'b' → 'c' → 'a'", "lines 2, 3, 4");
    }

    [Fact]
    public void PrimaryContactOnly_WithoutContactRoles_IsAUsageError()
    {
        CliRun.Of("attribute", "--input", events, "--model", "linear", "--primary-contact-only").ShouldFail(2, "--primary-contact-only", "--contact-roles");
    }

    [Fact]
    public void Accounts_WithPaths_IsAUsageError()
    {
        var paths = temp.Write("paths.csv", "path,total_conversions,total_conversion_value,total_null\nemail,1,1,0\n");
        CliRun.Of("attribute", "--paths", paths, "--model", "linear", "--accounts", people).ShouldFail(2, "--accounts applies to --input");
    }

    [Fact]
    public void Contributions_WithAccountsAndRoles_CreditOpportunitiesPerCampaign()
    {
        var output = temp.File("contributions.csv");
        var run = CliRun.Of("contributions", "--input", events, "--model", "linear", "--reset", "never", "--output", output,
            "--accounts", people, "--identities", identities, "--contact-roles", roles);
        run.ExitCode.Should().Be(0, run.Stderr);

        // opp1: nurture and brand 45 each; opp2: nurture, brand and spring 10 each; opp9: (none) 10 — six records.
        var lines = File.ReadAllLines(output);
        lines.Should().HaveCount(7);
        lines.Where(l => l.Contains(",opp1,", StringComparison.Ordinal)).Should().HaveCount(2);
    }

    [Fact]
    public void Explain_WithAccounts_ExplainsTheAccountsJourney_ContactRolesAreRefused()
    {
        var run = CliRun.Of("explain", "--input", events, "--model", "linear", "--journey", "acme", "--reset", "never",
            "--accounts", people, "--identities", identities, "--format", "json");

        // acme's journey holds anna's, ben's and carl's touches (carl's under his alias c.smith).
        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("nurture").And.Contain("brand").And.Contain("spring");

        CliRun.Of("explain", "--input", events, "--model", "linear", "--journey", "acme", "--accounts", people, "--contact-roles", roles)
            .ShouldFail(2, "--contact-roles does not apply to explain");
    }
}
