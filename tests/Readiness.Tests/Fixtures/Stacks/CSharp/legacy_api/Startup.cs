using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

namespace Legacy;

public class Startup
{
    public void ConfigureDevelopment(IApplicationBuilder app)
    {
        app.UseDeveloperExceptionPage();
    }

    public void Configure(IApplicationBuilder app, IWebHostEnvironment env)  // Noncompliant RDY1203
    {
        if (!env.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseDeveloperExceptionPage();  // Noncompliant RDY1202
        app.UseRouting();
        app.UseCookiePolicy(new CookiePolicyOptions
        {
            Secure = CookieSecurePolicy.None,  // Noncompliant RDY1205
            HttpOnly = HttpOnlyPolicy.None,  // Noncompliant RDY1205
        });
    }

    public void ConfigureErrors(IApplicationBuilder app, IWebHostEnvironment env)
    {
        if (!env.IsDevelopment()) return;
        app.UseDatabaseErrorPage();
    }
}
