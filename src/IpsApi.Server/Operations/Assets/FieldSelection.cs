using System.Collections.Concurrent;
using System.Reflection;
using System.Xml.Serialization;
using IpsApi.Server.Soap;
using W = IpsApi.Wire;

namespace IpsApi.Server.Operations.Assets;

/// <summary>
/// responseFieldArray and excludeFieldArray of an answer: element paths from the Return element
/// ("assetArray/items/name", "generatedArray/items/originator/assetHandle"), or the same paths from inside an asset
/// ("name", "imageInfo/width"), which name that field of every asset of the answer. A path selects its element and
/// everything below it; an answer keeps the elements on the way to a selected one. What is excluded goes, whatever
/// is selected. Applied to the Return object the handler built: unselected elements are set to null and so are not
/// written. A path that names no element of the answer is a fault 30001.
/// </summary>
public sealed class FieldSelection
{
    // The wire types never change while the server runs: their paths and elements are read by reflection once.
    private static readonly ConcurrentDictionary<Type, IReadOnlySet<string>> Paths = new();
    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, string Name)[]> Elements = new();

    private readonly List<string> _include;
    private readonly List<string> _exclude;

    private FieldSelection(List<string> include, List<string> exclude)
    {
        _include = include;
        _exclude = exclude;
    }

    /// <summary>True when the answer is whole: no field was chosen or refused.</summary>
    public bool IsEverything => _include.Count == 0 && _exclude.Count == 0;

    /// <summary>
    /// Reads the two arrays for a Return of type <typeparamref name="TReturn"/>; <paramref name="assetPaths"/> are the
    /// paths of the answer's assets, which short paths expand under.
    /// </summary>
    public static FieldSelection For<TReturn>(W.StringArray? responseFields, W.StringArray? excludeFields, params string[] assetPaths)
    {
        var valid = PathsOf(typeof(TReturn));
        var problems = new List<string>();
        List<string> Read(W.StringArray? array)
        {
            var paths = new List<string>();
            foreach (var text in array?.Items.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim().Trim('/')) ?? [])
            {
                var expanded = valid.Contains(text)
                    ? [text]
                    : assetPaths.Select(p => $"{p}/{text}").Where(valid.Contains).ToList();
                if (expanded.Count == 0)
                {
                    problems.Add($"'{text}'");
                }

                paths.AddRange(expanded);
            }

            return paths;
        }

        var include = Read(responseFields);
        var exclude = Read(excludeFields);
        if (problems.Count > 0)
        {
            var fields = string.Join(", ", PathsOf(typeof(W.Asset)).Where(p => !p.Contains('/', StringComparison.Ordinal)).Order(StringComparer.Ordinal));
            throw IpsFaultException.InvalidParameter(
                $"Invalid parameter responseFieldArray/excludeFieldArray: {string.Join(", ", problems)} names no field of the answer "
                + $"(asset fields: {fields}; or a path such as {assetPaths.FirstOrDefault() ?? "assetArray/items"}/name)");
        }

        return new FieldSelection(include, exclude);
    }

    /// <summary>Whether the element at the path (from the Return element) is written.</summary>
    public bool Wants(string path) =>
        !_exclude.Any(e => path == e || path.StartsWith(e + "/", StringComparison.Ordinal))
        && (_include.Count == 0 || _include.Any(i => path == i || path.StartsWith(i + "/", StringComparison.Ordinal) || i.StartsWith(path + "/", StringComparison.Ordinal)));

    /// <summary>Whether fields were chosen and every one is among <paramref name="paths"/> or below one of them.</summary>
    public bool OnlyWithin(IReadOnlyCollection<string> paths) =>
        _include.Count > 0 && _include.All(i => paths.Any(p => i == p || i.StartsWith(p + "/", StringComparison.Ordinal)));

    /// <summary>Sets every element the selection does not keep to null, through the whole Return object.</summary>
    public T Apply<T>(T returnObject)
        where T : class
    {
        if (!IsEverything)
        {
            Prune(returnObject, "");
        }

        return returnObject;
    }

    private void Prune(object node, string path)
    {
        foreach (var (property, name) in ElementsOf(node.GetType()))
        {
            var childPath = path.Length == 0 ? name : $"{path}/{name}";
            var value = property.GetValue(node);
            if (value is null)
            {
                continue;
            }

            if (!Wants(childPath))
            {
                if (!property.PropertyType.IsValueType || Nullable.GetUnderlyingType(property.PropertyType) is not null)
                {
                    property.SetValue(node, null);
                }

                continue;
            }

            if (value is System.Collections.IList list)
            {
                foreach (var item in list)
                {
                    if (item is not null && IsComplex(item.GetType()))
                    {
                        Prune(item, childPath);
                    }
                }
            }
            else if (IsComplex(value.GetType()))
            {
                Prune(value, childPath);
            }
        }
    }

    private static IReadOnlySet<string> PathsOf(Type type) => Paths.GetOrAdd(type, WalkPaths);

    private static HashSet<string> WalkPaths(Type type)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        void Walk(Type node, string path, int depth)
        {
            foreach (var (property, name) in ElementsOf(node))
            {
                var childPath = path.Length == 0 ? name : $"{path}/{name}";
                paths.Add(childPath);
                var elementType = property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(List<>)
                    ? property.PropertyType.GenericTypeArguments[0]
                    : property.PropertyType;
                if (IsComplex(elementType) && depth < 8)
                {
                    Walk(elementType, childPath, depth + 1);
                }
            }
        }

        Walk(type, "", 0);
        return paths;
    }

    private static (PropertyInfo Property, string Name)[] ElementsOf(Type type) => Elements.GetOrAdd(type, ReadElements);

    private static (PropertyInfo Property, string Name)[] ReadElements(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Element: p.GetCustomAttribute<XmlElementAttribute>()))
            .Where(p => p.Element is not null)
            .Select(p => (p.Property, p.Element!.ElementName))
            .ToArray();

    private static bool IsComplex(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace == typeof(W.Asset).Namespace;
}
