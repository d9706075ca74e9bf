namespace Rollcall.Lms;

/// <summary>The LMS URLs of lms-api.md, derived once from <see cref="LmsOptions"/>.</summary>
internal sealed class LmsUrls(LmsOptions options)
{
    private readonly string _base = options.BaseUrl.ToString().TrimEnd('/');

    public Uri Login { get; } = options.LoginEndpoint ?? new Uri($"{options.BaseUrl.ToString().TrimEnd('/')}/login");

    /// <summary>The login URL with its last "/login" replaced by "/logout", as the seed does.</summary>
    public Uri Logout
    {
        get
        {
            var login = Login.ToString();
            var at = login.LastIndexOf("/login", StringComparison.OrdinalIgnoreCase);
            return new Uri(at < 0 ? $"{login.TrimEnd('/')}/logout" : $"{login[..at]}/logout{login[(at + "/login".Length)..]}");
        }
    }

    public Uri Refresh { get; } = new($"{options.BaseUrl.GetLeftPart(UriPartial.Authority)}/auth/refresh");

    public Uri Pending(string mentorId) => new($"{_base}/attendance?mentorId={Uri.EscapeDataString(mentorId)}&role=Mentor");

    public Uri Attend => new($"{_base}/attend");

    public Uri Attendance => new($"{_base}/attendance");
}
