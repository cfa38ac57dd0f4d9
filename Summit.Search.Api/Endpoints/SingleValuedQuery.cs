using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;

namespace Summit.Search.Api.Endpoints;

/// <summary>
/// Rejects a single-valued query parameter that arrives more than once, for every endpoint it is added to: the
/// parameters are read off the handler (a <c>[FromQuery]</c> parameter that is not an array, and the same among the
/// properties of an <c>[AsParameters]</c> class), so a new parameter is covered without listing it anywhere.
/// </summary>
internal static class SingleValuedQuery
{
    private static readonly ConcurrentDictionary<MethodInfo, string[]> Cache = new();

    public static TBuilder RejectRepeatedParameters<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var names = NamesOf(factory.MethodInfo);
            if (names.Length == 0) return next;
            return context =>
            {
                var validation = new RequestValidation();
                validation.Single(context.HttpContext.Request.Query, names);
                return validation.IsValid ? next(context) : ValueTask.FromResult<object?>(SearchApi.Invalid(validation));
            };
        });

    /// <summary>The single-valued query parameters of <paramref name="handler"/>.</summary>
    public static string[] NamesOf(MethodInfo handler) => Cache.GetOrAdd(handler, method =>
    [
        .. method.GetParameters().SelectMany(parameter => parameter.GetCustomAttribute<AsParametersAttribute>() is not null
            ? parameter.ParameterType.GetProperties().Select(p => Single(p.GetCustomAttribute<FromQueryAttribute>(), p.PropertyType, p.Name))
            : [Single(parameter.GetCustomAttribute<FromQueryAttribute>(), parameter.ParameterType, parameter.Name)])
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase),
    ]);

    private static string? Single(FromQueryAttribute? query, Type type, string? name) =>
        query is null || (type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type)) ? null : query.Name ?? name;
}
