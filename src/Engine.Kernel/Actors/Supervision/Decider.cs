namespace Engine.Kernel.Actors.Supervision;

/// <summary>Builds decider tables: exception type to directive.</summary>
public static class Decider
{
    /// <summary>
    /// A decider over a table. The most specific entry wins: the exception's own type is looked up first, then each
    /// base type in turn; <paramref name="defaultDirective"/> applies when nothing matches.
    /// </summary>
    public static Func<Exception, Directive> From(Directive defaultDirective, params (Type Exception, Directive Directive)[] map)
    {
        var table = new Dictionary<Type, Directive>();
        foreach (var (type, directive) in map)
        {
            if (!typeof(Exception).IsAssignableFrom(type))
            {
                throw new ArgumentException($"{type} is not an exception type.", nameof(map));
            }

            table[type] = directive;
        }

        return exception =>
        {
            for (var type = exception.GetType(); type is not null; type = type.BaseType)
            {
                if (table.TryGetValue(type, out var directive))
                {
                    return directive;
                }
            }

            return defaultDirective;
        };
    }
}
