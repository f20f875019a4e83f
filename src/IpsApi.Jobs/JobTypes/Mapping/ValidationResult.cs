namespace IpsApi.Jobs.JobTypes.Mapping;

/// <summary>Either a valid value or every problem found on the way to it (never both).</summary>
public sealed class ValidationResult<T>
    where T : class
{
    private ValidationResult(T? value, IReadOnlyList<ValidationProblem> problems)
    {
        Value = value;
        Problems = problems;
    }

    /// <summary>The value; null when <see cref="IsValid"/> is false.</summary>
    public T? Value { get; }

    /// <summary>All problems, in the order they were found; empty when <see cref="IsValid"/> is true.</summary>
    public IReadOnlyList<ValidationProblem> Problems { get; }

    public bool IsValid => Value is not null;

    public static ValidationResult<T> Success(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new ValidationResult<T>(value, []);
    }

    public static ValidationResult<T> Failure(IReadOnlyList<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0)
        {
            throw new ArgumentException("A failure needs at least one problem.", nameof(problems));
        }

        return new ValidationResult<T>(null, problems);
    }
}
