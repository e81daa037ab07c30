using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Engine.Config;

/// <summary>
/// Strict binding of a configuration section to an options type (sealed records with init-only properties or
/// positional parameters). Keys are the kebab-case property names. Every problem is collected (unknown key,
/// missing required key, wrong type, out of range, failed validation), each naming file, line and key, and
/// thrown together as one <see cref="ConfigException"/>. Values of <see cref="SecretAttribute"/> members never
/// appear in messages. Stateless and thread-safe.
/// </summary>
public static partial class HoconBinder
{
    /// <summary>Binds the object at <paramref name="path"/> (empty for the root) of a resolved configuration.</summary>
    public static T Bind<T>(HoconConfig config, string path) => (T)Bind(config, path, typeof(T))!;

    /// <summary>Binds the object at <paramref name="path"/> to <paramref name="type"/>.</summary>
    public static object? Bind(HoconConfig config, string path, Type type)
    {
        var hoconPath = HoconPath.Parse(path);
        var element = hoconPath.Length == 0 ? config.Root : config.GetValue(path);
        var errors = new List<ConfigError>();
        var result = BindValue(type, element, hoconPath, null, errors, out var ok);
        if (errors.Count > 0 || !ok)
        {
            throw new ConfigException(errors);
        }

        return result;
    }

    private static object? BindObject(Type type, HoconElement element, HoconPath path, List<ConfigError> errors, out bool ok)
    {
        ok = false;
        if (element is not HoconObject obj)
        {
            errors.Add(new ConfigError(element.Origin, path.ToString(), $"expected an object, got {element.Describe()}"));
            return null;
        }

        var members = BinderMember.Discover(type, out var constructor);
        var errorsBefore = errors.Count;
        var byKey = members.ToDictionary(m => m.Key, StringComparer.Ordinal);
        foreach (var (key, value) in obj.Fields)
        {
            if (!byKey.ContainsKey(key))
            {
                var expected = members.Count == 0 ? "no keys are allowed here" : $"expected one of: {string.Join(", ", members.Select(m => m.Key))}";
                errors.Add(new ConfigError(value.Origin, path.Append(key).ToString(), $"unknown key; {expected}"));
            }
        }

        var values = new Dictionary<BinderMember, object?>();
        foreach (var member in members)
        {
            var memberPath = path.Append(member.Key);
            if (!obj.TryGetField(member.Key, out var value))
            {
                if (member.IsRequired)
                {
                    errors.Add(new ConfigError(obj.Origin, memberPath.ToString(), $"missing required key; expected {Describe(member.Type, member)}"));
                }

                continue;
            }

            var bound = BindValue(member.Type, value, memberPath, member, errors, out var memberOk);
            if (memberOk && Validate(member, bound, value, memberPath, errors))
            {
                values[member] = bound;
            }
        }

        if (errors.Count > errorsBefore)
        {
            return null;
        }

        var instance = Construct(constructor, members, values);
        if (instance is IValidatableOptions validatable)
        {
            foreach (var message in validatable.Validate())
            {
                errors.Add(new ConfigError(obj.Origin, path.ToString(), message));
            }
        }

        ok = errors.Count == errorsBefore;
        return instance;
    }

    private static object Construct(ConstructorInfo constructor, IReadOnlyList<BinderMember> members, Dictionary<BinderMember, object?> values)
    {
        var parameters = constructor.GetParameters();
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var member = members.First(m => m.Parameter == parameters[i]);
            arguments[i] = values.TryGetValue(member, out var value) ? value
                : parameters[i].HasDefaultValue ? parameters[i].DefaultValue
                : parameters[i].ParameterType.IsValueType ? Activator.CreateInstance(parameters[i].ParameterType)
                : null;
        }

        var instance = constructor.Invoke(arguments);
        foreach (var (member, value) in values)
        {
            if (member.Parameter is null)
            {
                member.Property!.SetValue(instance, value);
            }
        }

        return instance;
    }

    private static bool Validate(BinderMember member, object? value, HoconElement element, HoconPath path, List<ConfigError> errors)
    {
        var valid = true;
        foreach (var attribute in member.Attributes.OfType<ValidationAttribute>())
        {
            if (attribute is RangeAttribute || attribute.IsValid(value))
            {
                continue;
            }

            var got = member.IsSecret ? string.Empty : $", got {Count(value)}";
            var expectation = attribute switch
            {
                RequiredAttribute => "expected a non-empty value",
                MinLengthAttribute min => $"expected at least {min.Length} {(value is string ? "characters" : "items")}{got}",
                MaxLengthAttribute max => $"expected at most {max.Length} {(value is string ? "characters" : "items")}{got}",
                _ => attribute.FormatErrorMessage(path.ToString()),
            };
            errors.Add(new ConfigError(element.Origin, path.ToString(), expectation));
            valid = false;
        }

        return valid;
    }

    private static int Count(object? value) => value switch
    {
        string s => s.Length,
        System.Collections.ICollection c => c.Count,
        System.Collections.IEnumerable e => e.Cast<object?>().Count(),
        _ => 0,
    };
}
