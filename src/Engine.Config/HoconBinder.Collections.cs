using System.Collections;
using System.Collections.Immutable;
using System.Globalization;

namespace Engine.Config;

/// <summary>Lists (<c>IReadOnlyList</c>, <c>ImmutableArray</c>, arrays) and string-keyed dictionaries.</summary>
public static partial class HoconBinder
{
    private static Type? ListElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>)
            || definition == typeof(IEnumerable<>) || definition == typeof(IList<>) || definition == typeof(List<>)
            || definition == typeof(ImmutableArray<>)
            ? type.GetGenericArguments()[0]
            : null;
    }

    private static Type? DictionaryValueType(Type type)
    {
        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        var arguments = type.GetGenericArguments();
        return (definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(Dictionary<,>))
            && arguments[0] == typeof(string)
            ? arguments[1]
            : null;
    }

    private static object? BindList(Type listType, Type itemType, HoconElement element, HoconPath path, BinderMember? member, List<ConfigError> errors, out bool ok)
    {
        if (element is not HoconArray array)
        {
            return Fail(listType, element, path, member, errors, out ok);
        }

        ok = true;
        var items = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
        for (var i = 0; i < array.Items.Count; i++)
        {
            var item = BindValue(itemType, array.Items[i], path.Append(i.ToString(CultureInfo.InvariantCulture)), member, errors, out var itemOk);
            ok &= itemOk;
            if (itemOk)
            {
                items.Add(item);
            }
        }

        if (!ok)
        {
            return null;
        }

        if (listType.IsArray)
        {
            var result = Array.CreateInstance(itemType, items.Count);
            items.CopyTo(result, 0);
            return result;
        }

        if (listType.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
        {
            var create = typeof(ImmutableArray).GetMethods()
                .Single(m => m.Name == nameof(ImmutableArray.ToImmutableArray)
                    && m.GetParameters() is [{ ParameterType: { IsGenericType: true } p }]
                    && p.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                .MakeGenericMethod(itemType);
            return create.Invoke(null, [items]);
        }

        return items;
    }

    private static object? BindDictionary(Type valueType, HoconElement element, HoconPath path, BinderMember? member, List<ConfigError> errors, out bool ok)
    {
        var dictionaryType = typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType);
        if (element is not HoconObject obj)
        {
            return Fail(dictionaryType, element, path, member, errors, out ok);
        }

        ok = true;
        var result = (IDictionary)Activator.CreateInstance(dictionaryType, StringComparer.Ordinal)!;
        foreach (var (key, value) in obj.Fields)
        {
            var bound = BindValue(valueType, value, path.Append(key), member, errors, out var valueOk);
            ok &= valueOk;
            result[key] = bound;
        }

        return ok ? result : null;
    }
}
