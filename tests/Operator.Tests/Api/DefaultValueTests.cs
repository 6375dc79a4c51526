using System.ComponentModel;
using System.Reflection;
using BackendStack.Operator.Api;

namespace BackendStack.Tests.Api;

public class DefaultValueTests
{
    public static TheoryData<string> PropertiesWithDefaults()
    {
        var data = new TheoryData<string>();
        foreach (var property in typeof(ApiGroup).Assembly.GetTypes()
                     .Where(t => t.Namespace == typeof(ApiGroup).Namespace && t.IsClass && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
                     .SelectMany(t => t.GetProperties())
                     .Where(p => p.IsDefined(typeof(DefaultValueAttribute))))
        {
            data.Add($"{property.DeclaringType!.Name}.{property.Name}");
        }

        return data;
    }

    // A new object must read like one the API server defaulted, or code that builds objects
    // in memory would see other values than the cluster does.
    [Theory]
    [MemberData(nameof(PropertiesWithDefaults))]
    public void InitialValueEqualsTheSchemaDefault(string typeAndProperty)
    {
        var (typeName, propertyName) = (typeAndProperty.Split('.')[0], typeAndProperty.Split('.')[1]);
        var type = typeof(ApiGroup).Assembly.GetTypes().Single(t => t.Name == typeName && t.Namespace == typeof(ApiGroup).Namespace);
        var property = type.GetProperty(propertyName)!;
        var expected = property.GetCustomAttribute<DefaultValueAttribute>()!.Value;

        var actual = property.GetValue(Activator.CreateInstance(type));

        Assert.Equal(Convert.ToString(expected, System.Globalization.CultureInfo.InvariantCulture), Convert.ToString(actual, System.Globalization.CultureInfo.InvariantCulture));
    }
}
