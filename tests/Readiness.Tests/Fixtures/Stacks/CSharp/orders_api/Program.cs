// Orders API (ASP.NET Core minimal hosting) as first deployed to ECS behind an ALB.
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

var builder = WebApplication.CreateBuilder(args);

const string JwtSigningKey = "k3y-f0r-s1gning-0rders-2024-pr0d!";  // Noncompliant RDY1201

builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
    .AddJwtBearer(o => o.TokenValidationParameters = new TokenValidationParameters
    {
        ValidateIssuerSigningKey = true,
        IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("another-hardcoded-signing-key-42")),  // Noncompliant RDY1201
    });

builder.Services.AddCors(options => options.AddPolicy("extension", policy => policy
    .SetIsOriginAllowed(_ => true)  // Noncompliant RDY1204
    .AllowAnyHeader()
    .AllowCredentials()));

builder.Services.AddCors(options => options.AddDefaultPolicy(policy =>
{
    policy.AllowAnyOrigin();  // Noncompliant RDY1204
    policy.AllowCredentials();
}));

builder.Services.ConfigureApplicationCookie(o =>
{
    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;  // Noncompliant RDY1205
    o.Cookie.HttpOnly = false;  // Noncompliant RDY1205
});

var app = builder.Build();  // Noncompliant RDY1203 RDY1203

app.UseDeveloperExceptionPage();  // Noncompliant RDY1202
if (app.Environment.IsProduction())
{
    app.UseDatabaseErrorPage();  // Noncompliant RDY1202
}

app.UseCors("extension");
app.UseAuthentication();

app.MapPost("/login", (HttpContext http) =>
{
    var token = Guid.NewGuid().ToString();
    http.Response.Cookies.Append("session_token", token);  // Noncompliant RDY1205
    http.Response.Cookies.Append("refresh_token", token, new CookieOptions { Secure = true });  // Noncompliant RDY1205
    http.Response.Cookies.Append("theme", "dark", new CookieOptions { Secure = true });
    return Results.Ok();
});

app.Run();
