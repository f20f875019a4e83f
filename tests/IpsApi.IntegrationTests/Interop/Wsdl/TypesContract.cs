using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace IpsApi.IntegrationTests.Interop.Wsdl;

/// <summary>One field of the contract: name, XML type, and how often it occurs.</summary>
public sealed record ContractField(XName Type, string Name, int MinOccurs, int? MaxOccurs)
{
    public override string ToString() =>
        $"{Name}:{Type.LocalName}[{MinOccurs}..{(MaxOccurs is { } max ? max.ToString(System.Globalization.CultureInfo.InvariantCulture) : "*")}]";
}

/// <summary>An <c>element</c> or <c>type</c> line of types.txt, with its fields in order.</summary>
public sealed record ContractEntry(bool IsElement, string Name, IReadOnlyList<ContractField> Fields);

/// <summary>
/// Reads tests/interop/contract/types.txt, the copy of the team's contract of the job operations, and
/// companies-folders.txt and assets.txt, the same for the company, user, folder and asset operations: <c>name:type</c> required,
/// <c>?</c> optional, <c>*</c> repeated, <c>1..1000</c> bounded, <c>(empty)</c> no fields.
/// </summary>
public static partial class TypesContract
{
    public static readonly XNamespace Xsd = "http://www.w3.org/2001/XMLSchema";
    public static readonly XNamespace Ips = "http://www.scene7.com/IpsApi/xsd";

    private static readonly HashSet<string> BuiltIn = ["string", "int", "long", "double", "boolean", "dateTime"];

    public static string FixturePath => Path.Combine(RepoPaths.Interop, "contract", "types.txt");

    public static string CompaniesAndFoldersPath => Path.Combine(RepoPaths.Interop, "contract", "companies-folders.txt");

    public static string AssetsPath => Path.Combine(RepoPaths.Interop, "contract", "assets.txt");

    public static IReadOnlyList<ContractEntry> Load() =>
        File.ReadAllLines(FixturePath).Concat(File.ReadAllLines(CompaniesAndFoldersPath)).Concat(File.ReadAllLines(AssetsPath))
            .Where(l => l.Length > 0).Select(Parse).ToList();

    private static ContractEntry Parse(string line)
    {
        var header = Header().Match(line);
        if (!header.Success)
        {
            throw new FormatException($"contract: cannot read '{line}'");
        }

        var body = header.Groups["fields"].Value.Trim();
        var fields = body == "(empty)" ? [] : body.Split(", ").Select(ParseField).ToList();
        return new ContractEntry(header.Groups["kind"].Value == "element", header.Groups["name"].Value, fields);
    }

    private static ContractField ParseField(string text)
    {
        var field = Field().Match(text);
        if (!field.Success)
        {
            throw new FormatException($"contract: cannot read field '{text}'");
        }

        var type = field.Groups["type"].Value;
        var name = field.Groups["name"].Value;
        XName xmlType = BuiltIn.Contains(type) ? Xsd + type : Ips + type;
        return field.Groups["occurs"].Value switch
        {
            "" => new ContractField(xmlType, name, 1, 1),
            "?" => new ContractField(xmlType, name, 0, 1),
            "*" => new ContractField(xmlType, name, 0, null),
            _ => new ContractField(xmlType, name, int.Parse(field.Groups["min"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(field.Groups["max"].Value, System.Globalization.CultureInfo.InvariantCulture)),
        };
    }

    [GeneratedRegex(@"^(?<kind>element|type) (?<name>\w+): (?<fields>.*)$")]
    private static partial Regex Header();

    [GeneratedRegex(@"^(?<name>\w+):(?<type>[A-Za-z]+)(?<occurs>\?|\*|(?<min>\d+)\.\.(?<max>\d+))?$")]
    private static partial Regex Field();
}
