using System.Collections.Specialized;
using System.Text.Json;
using Quartz;
using Quartz.Spi;

namespace DigitalWallonia.Platform.Scheduling.QuartzHosting;

/// <summary>
/// Quartz's ADO store needs a serializer, and none that works is on our mirror (the JSON ones are separate packages;
/// the binary one needs BinaryFormatter, gone from .NET 9). With <c>useProperties=true</c> Quartz only hands it
/// string-to-string maps (job data), which this writes as a JSON object. Anything else (calendars, object-valued job
/// data) is refused: our jobs carry ids only and load the rest from the database.
/// </summary>
public sealed class JsonObjectSerializer : IObjectSerializer
{
    public void Initialize()
    {
    }

    public byte[] Serialize<T>(T obj) where T : class
    {
        Dictionary<string, string?> map = obj switch
        {
            NameValueCollection values => values.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => values[k]), // null keys filtered out
            JobDataMap data => data.ToDictionary(e => e.Key, e => (string?)(e.Value as string ?? throw Refused(e.Value?.GetType() ?? typeof(object)))),
            IDictionary<string, object?> data => data.ToDictionary(e => e.Key, e => (string?)(e.Value as string ?? throw Refused(e.Value?.GetType() ?? typeof(object)))),
            _ => throw Refused(obj.GetType()),
        };
        return JsonSerializer.SerializeToUtf8Bytes(map);
    }

    public T? DeSerialize<T>(byte[] obj) where T : class
    {
        ArgumentNullException.ThrowIfNull(obj);
        var map = JsonSerializer.Deserialize<Dictionary<string, string?>>(obj) ?? [];
        if (typeof(T).IsAssignableFrom(typeof(NameValueCollection)))
        {
            var values = new NameValueCollection(StringComparer.Ordinal);
            foreach (var (key, value) in map)
            {
                values[key] = value;
            }

            return (T)(object)values;
        }

        if (typeof(T).IsAssignableFrom(typeof(JobDataMap)))
        {
            var data = new JobDataMap();
            foreach (var (key, value) in map)
            {
                data[key] = value!; // JobDataMap accepts null values; the annotation is stricter than the type
            }

            return (T)(object)data;
        }

        throw Refused(typeof(T));
    }

    private static NotSupportedException Refused(Type type) =>
        new($"The Quartz store of DigitalWallonia keeps string job data only (useProperties=true); {type} cannot be stored. Put ids in job data and load the rest from the database.");
}
