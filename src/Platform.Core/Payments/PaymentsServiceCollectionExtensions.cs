using Microsoft.Extensions.DependencyInjection;

namespace Platform.Core.Payments;

public static class PaymentsServiceCollectionExtensions
{
    /// <summary>Checkout, the pre-checkout fast path, payment recording and refunds, with their jobs.</summary>
    public static IServiceCollection AddPayments(this IServiceCollection services)
    {
        services.AddSingleton<PreCheckoutService>();
        services.AddSingleton<PreCheckoutAnswerer>();
        services.AddScoped<CheckoutService>();
        services.AddScoped<PaymentRecorder>();
        services.AddScoped<RefundService>();
        services.AddTransient<RefundNotifier>();
        services.AddTransient<DuplicateChargeRefundJob>();
        return services;
    }
}
