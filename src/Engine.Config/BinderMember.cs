using System.Reflection;

namespace Engine.Config;

/// <summary>One bindable member of an options type: a constructor parameter, an init/set property, or both.</summary>
internal sealed record BinderMember(
    string Name,
    string Key,
    Type Type,
    bool AllowsNull,
    bool IsRequired,
    bool IsSecret,
    PropertyInfo? Property,
    ParameterInfo? Parameter,
    IReadOnlyList<Attribute> Attributes)
{
    public T? Find<T>()
        where T : Attribute => Attributes.OfType<T>().FirstOrDefault();

    private static string KeyOf(string name, IEnumerable<Attribute> attributes) =>
        attributes.OfType<HoconKeyAttribute>().FirstOrDefault()?.Key ?? HoconNaming.ToKebabCase(name);

    public static IReadOnlyList<BinderMember> Discover(Type type, out ConstructorInfo constructor)
    {
        var constructors = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance);
        constructor = constructors.FirstOrDefault(c => c.GetParameters().Length == 0)
            ?? constructors.OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"{type.Name} has no public constructor to bind with");
        var nullability = new NullabilityInfoContext();
        var members = new List<BinderMember>();
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        var covered = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in constructor.GetParameters())
        {
            properties.TryGetValue(parameter.Name!, out var property);
            var attributes = parameter.GetCustomAttributes(inherit: true).OfType<Attribute>()
                .Concat(property?.GetCustomAttributes(inherit: true).OfType<Attribute>() ?? [])
                .ToList();
            var allowsNull = IsNullable(parameter.ParameterType, nullability.Create(parameter));
            var required = attributes.OfType<System.ComponentModel.DataAnnotations.RequiredAttribute>().Any()
                || (!parameter.HasDefaultValue && !allowsNull);
            var name = property?.Name ?? parameter.Name!;
            members.Add(new BinderMember(name, KeyOf(name, attributes), parameter.ParameterType, allowsNull, required,
                attributes.OfType<SecretAttribute>().Any(), property, parameter, attributes));
            covered.Add(name);
        }

        foreach (var property in properties.Values)
        {
            if (covered.Contains(property.Name) || property.SetMethod is not { IsPublic: true })
            {
                continue;
            }

            var attributes = property.GetCustomAttributes(inherit: true).OfType<Attribute>().ToList();
            members.Add(new BinderMember(property.Name, KeyOf(property.Name, attributes), property.PropertyType,
                IsNullable(property.PropertyType, nullability.Create(property)),
                attributes.OfType<System.ComponentModel.DataAnnotations.RequiredAttribute>().Any()
                    || attributes.OfType<System.Runtime.CompilerServices.RequiredMemberAttribute>().Any(),
                attributes.OfType<SecretAttribute>().Any(), property, null, attributes));
        }

        return members;
    }

    private static bool IsNullable(Type type, NullabilityInfo info) =>
        Nullable.GetUnderlyingType(type) is not null || (!type.IsValueType && info.WriteState == NullabilityState.Nullable);
}
