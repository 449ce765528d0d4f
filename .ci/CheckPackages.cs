#!/usr/bin/env dotnet
// Checks the packages `dotnet pack` wrote, so that a package without IntelliSense docs, readme, license or symbols
// fails CI instead of reaching users. Run by .ci/run after the pack step:
//   dotnet run .ci/CheckPackages.cs -- PACKAGE_DIR
// Every project under src/ whose project file says <IsPackable>true</IsPackable> must have, in PACKAGE_DIR:
//   - ID.VERSION.nupkg holding ASSEMBLY.dll and ASSEMBLY.xml side by side (lib/ or tools/), the xml with member docs,
//     README.md at the root, and a nuspec with a license expression, a description, tags and a readme;
//   - ID.VERSION.snupkg (the symbol package);
//   - for a tool (PackAsTool), no satellite resource assemblies: the tool is English only (SatelliteResourceLanguages).
using System.IO.Compression;
using System.Xml.Linq;

if (args.Length != 1 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: dotnet run .ci/CheckPackages.cs -- PACKAGE_DIR");
    return 2;
}

var packageDir = args[0];
// Run from the repository root, as .ci/run does.
var root = Directory.GetCurrentDirectory();
var problems = new List<string>();
var projects = Directory.GetFiles(Path.Combine(root, "src"), "*.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
var checkedCount = 0;
foreach (var projectFile in projects)
{
    var project = XDocument.Load(projectFile);
    string? Property(string name) => project.Descendants(name).Select(static e => e.Value.Trim()).LastOrDefault();
    if (!string.Equals(Property("IsPackable"), "true", StringComparison.OrdinalIgnoreCase))
    {
        continue;
    }

    checkedCount++;
    var problemsBefore = problems.Count;
    var name = Path.GetFileNameWithoutExtension(projectFile);
    var id = Property("PackageId") ?? name;
    var assembly = Property("AssemblyName") ?? name;
    var isTool = string.Equals(Property("PackAsTool"), "true", StringComparison.OrdinalIgnoreCase);
    var nupkg = Find(id, ".nupkg");
    if (nupkg is null)
    {
        problems.Add($"{id}: no {id}.<version>.nupkg in {packageDir}");
        continue;
    }

    if (Find(id, ".snupkg") is null)
    {
        problems.Add($"{id}: no symbol package {id}.<version>.snupkg");
    }

    using var zip = ZipFile.OpenRead(nupkg);
    var entries = zip.Entries.Select(static e => e.FullName).ToList();
    var dll = entries.FirstOrDefault(e => (e.StartsWith("lib/", StringComparison.Ordinal) || e.StartsWith("tools/", StringComparison.Ordinal))
        && e.EndsWith("/" + assembly + ".dll", StringComparison.Ordinal));
    if (dll is null)
    {
        problems.Add($"{id}: {Path.GetFileName(nupkg)} holds no {assembly}.dll");
    }
    else
    {
        var xml = dll[..^".dll".Length] + ".xml";
        var entry = zip.GetEntry(xml);
        if (entry is null)
        {
            problems.Add($"{id}: {Path.GetFileName(nupkg)} holds {dll} but not its XML documentation {xml}");
        }
        else
        {
            using var reader = new StreamReader(entry.Open());
            var members = XDocument.Load(reader).Descendants("member").Count();
            if (members == 0)
            {
                problems.Add($"{id}: {xml} documents no member");
            }
        }
    }

    if (!entries.Contains("README.md"))
    {
        problems.Add($"{id}: no README.md at the package root");
    }

    var nuspecEntry = zip.Entries.Single(static e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal));
    using (var reader = new StreamReader(nuspecEntry.Open()))
    {
        var metadata = XDocument.Load(reader).Root!.Elements().Single(static e => e.Name.LocalName == "metadata");
        string? Meta(string local) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == local)?.Value.Trim();
        var license = metadata.Elements().FirstOrDefault(static e => e.Name.LocalName == "license");
        if (license is null || (string?)license.Attribute("type") != "expression" || license.Value.Trim().Length == 0)
        {
            problems.Add($"{id}: the nuspec has no license expression");
        }

        foreach (var required in new[] { "description", "tags", "readme" })
        {
            if (string.IsNullOrEmpty(Meta(required)))
            {
                problems.Add($"{id}: the nuspec has no {required}");
            }
        }
    }

    if (isTool)
    {
        var satellites = entries.Where(static e => e.EndsWith(".resources.dll", StringComparison.Ordinal)).ToList();
        if (satellites.Count > 0)
        {
            problems.Add($"{id}: the tool carries {satellites.Count} satellite resource assemblies (first: {satellites[0]}); set SatelliteResourceLanguages");
        }
    }

    if (problems.Count == problemsBefore)
    {
        Console.WriteLine($"{Path.GetFileName(nupkg)}: {entries.Count} files; docs, readme, license and symbols present");
    }
}

if (checkedCount == 0)
{
    problems.Add($"no packable project found under {Path.Combine(root, "src")}");
}

foreach (var problem in problems)
{
    Console.Error.WriteLine("package check: " + problem);
}

return problems.Count == 0 ? 0 : 1;

string? Find(string id, string extension)
{
    // ID.1.2.3.nupkg, not ID.Other.1.2.3.nupkg: the character after "ID." must start the version.
    return Directory.GetFiles(packageDir, id + ".*" + extension)
        .FirstOrDefault(f => Path.GetFileName(f).Length > id.Length + 1 && char.IsAsciiDigit(Path.GetFileName(f)[id.Length + 1]));
}
