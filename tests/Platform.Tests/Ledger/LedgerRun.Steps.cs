using Platform.Core.Ledger;

namespace Platform.Tests.Ledger;

/// <summary>The steps of <see cref="LedgerRun"/>: each calls the real service and records in the model what it must have written.</summary>
public sealed partial class LedgerRun
{
    private async Task PayOrderAsync(Guid product)
    {
        var (stars, buyer) = (rng.Next(1, 601), 7000L + rng.Next(10));
        var order = await s.PendingOrderAsync(product, stars, buyer);
        var charge = NewId("c");
        Note($"pay {charge} {stars} ({(product == s.KeyProduct ? "key" : "text")})");
        Assert.Equal(order, await MaybeTwiceAtOnceAsync(() => s.PayAsync(order, charge, stars, buyer)));
        charges.Add(new Charge(charge, ChargeKind.Order, order, order, buyer, stars));
        Credit(charge, stars, renewal: false);
    }

    private async Task StartPlanAsync()
    {
        var (stars, buyer) = (rng.Next(20, 301), 9000L + plans.Count);
        var order = await s.PendingOrderAsync(s.Plan, stars, buyer);
        var charge = NewId("p");
        Note($"plan {charge} {stars}");
        Assert.Equal(order, await MaybeTwiceAtOnceAsync(() => s.PayPlanAsync(order, charge, stars, buyer, first: true, Now.AddDays(30))));
        plans.Add((order, buyer));
        charges.Add(new Charge(charge, ChargeKind.PlanFirst, order, order, buyer, stars));
        Credit(charge, stars, renewal: false);
    }

    private async Task RenewAsync()
    {
        if (plans.Count == 0)
        {
            await StartPlanAsync();
            return;
        }

        var (order, buyer) = plans[rng.Next(plans.Count)];
        var (stars, charge) = (rng.Next(20, 301), NewId("r"));
        Note($"renew {charge} {stars}");
        var renewal = await MaybeTwiceAtOnceAsync(() => s.PayPlanAsync(order, charge, stars, buyer, first: false, Now.AddDays(30)));
        Assert.NotNull(renewal);
        Assert.NotEqual(order, renewal);
        charges.Add(new Charge(charge, ChargeKind.Renewal, renewal.Value, order, buyer, stars));
        Credit(charge, stars, renewal: true);
    }

    private async Task RedeliverAsync()
    {
        if (charges.Count == 0)
        {
            return;
        }

        var c = charges[rng.Next(charges.Count)];
        Note($"redeliver {c.Id} ({c.Kind})");
        var result = c.Kind switch
        {
            ChargeKind.PlanFirst or ChargeKind.Renewal => await MaybeTwiceAtOnceAsync(() =>
                s.PayPlanAsync(c.PayloadOrderId, c.Id, c.Stars, c.Buyer, first: c.Kind == ChargeKind.PlanFirst, Now.AddDays(30))),
            _ => await MaybeTwiceAtOnceAsync(() => s.PayAsync(c.OrderId, c.Id, c.Stars, c.Buyer)),
        };
        Assert.Equal(c.Kind == ChargeKind.Duplicate ? null : c.OrderId, result);
    }

    private async Task DuplicateChargeAsync()
    {
        var paid = charges.Where(c => c.Kind == ChargeKind.Order).ToList();
        if (paid.Count == 0)
        {
            return;
        }

        var first = paid[rng.Next(paid.Count)];
        var charge = NewId("d");
        Note($"duplicate {charge} of {first.Id}");
        Assert.Null(await MaybeTwiceAtOnceAsync(() => s.PayAsync(first.OrderId, charge, first.Stars, first.Buyer)));
        charges.Add(new Charge(charge, ChargeKind.Duplicate, first.OrderId, first.OrderId, first.Buyer, first.Stars));
        Credit(charge, first.Stars, renewal: false);
    }

    private async Task RefundAsync()
    {
        if (charges.Count == 0)
        {
            return;
        }

        var c = charges[rng.Next(charges.Count)];
        var byUpdate = rng.Next(2) == 0;
        Note($"refund {c.Id} ({c.Kind}, {(byUpdate ? "refunded_payment" : "refund")}, refunded before: {c.Refunded})");
        if (byUpdate)
        {
            await s.RefundedPaymentAsync(c.PayloadOrderId, c.Id);
        }
        else if (c.Kind == ChargeKind.Duplicate)
        {
            await s.DuplicateRefundedAsync(c.Id);
        }
        else
        {
            Assert.Equal(!c.Refunded, await s.MarkRefundedAsync(c.OrderId));
        }

        if (!c.Refunded)
        {
            Debit(c);
        }
    }

    private async Task WithdrawAsync(bool fails = false)
    {
        var withdrawable = ReferenceLedger.At(Model.Values, Now, 1000).Withdrawable / ReferenceLedger.N;
        if (withdrawable < 1000)
        {
            return;
        }

        // Telegram dates transactions in whole seconds; reconciliation may find one a little after it happened.
        var at = DateTimeOffset.FromUnixTimeSeconds(Now.ToUnixTimeSeconds() - rng.Next(0, 120));
        var (tx, stars) = (NewId("w"), rng.Next(1000, (int)Math.Min(withdrawable, 100_000) + 1));
        Note($"withdraw {tx} {stars} of {withdrawable} at {at:O}{(fails ? " (will fail)" : "")}");
        await TelegramRowAsync(new ModelRow(LedgerKeys.Withdrawal(tx), StarLedgerKind.Withdrawal, -stars * ReferenceLedger.N, at, at), tx);
        if (fails)
        {
            pendingWithdrawals.Add((tx, stars * ReferenceLedger.N));
        }
    }

    private async Task FailWithdrawalAsync()
    {
        if (pendingWithdrawals.Count == 0 || rng.Next(2) == 0)
        {
            await WithdrawAsync(fails: true);
            return;
        }

        var (tx, nanostars) = pendingWithdrawals[0];
        pendingWithdrawals.RemoveAt(0);
        Note($"withdrawal {tx} failed");
        await TelegramRowAsync(new ModelRow(LedgerKeys.WithdrawalReturned(tx), StarLedgerKind.WithdrawalReturned, nanostars, Now, Now), tx);
    }

    private Task OtherIncomeAsync()
    {
        var tx = NewId("i");
        var nanostars = (rng.Next(1, 50) * ReferenceLedger.N) + rng.Next(1, 1_000_000_000);
        Note($"other income {tx} {new LedgerAmount(nanostars)}");
        return TelegramRowAsync(new ModelRow(LedgerKeys.Income(tx), StarLedgerKind.OtherIncome, nanostars, Now, Now + Hold), tx);
    }

    /// <summary>A correction either way (a positive one is withdrawable at once), or spending the platform did not originate.</summary>
    private async Task AdjustOrSpendAsync()
    {
        var nanostars = (rng.Next(-300, 300) * ReferenceLedger.N) + rng.Next(0, 1000);
        if (rng.Next(2) == 0 && nanostars != 0)
        {
            var entry = await s.AdjustAsync(new LedgerAmount(nanostars), "property test", Now);
            Note($"adjustment {entry.Key} {entry.Amount}");
            Model.Add(entry.Key, new ModelRow(entry.Key, StarLedgerKind.Adjustment, nanostars, Now, Now));
            return;
        }

        var tx = NewId("o");
        Note($"other spending {tx}");
        await TelegramRowAsync(new ModelRow(LedgerKeys.Spending(tx), StarLedgerKind.OtherSpending, -Math.Abs(nanostars) - 1, Now, Now), tx);
    }

    private async Task TelegramRowAsync(ModelRow row, string tx)
    {
        Assert.True(await s.FromTelegramAsync(row.Kind, new LedgerAmount(row.Nanostars), row.At, row.Key, tx), $"{row.Key} was not written");
        Model.Add(row.Key, row);
        telegramRows.Add(row);
    }

    /// <summary>A second reconciliation pass meets a transaction it recorded before: nothing is written.</summary>
    private async Task ReplayTelegramRowAsync()
    {
        if (telegramRows.Count == 0)
        {
            return;
        }

        var row = telegramRows[rng.Next(telegramRows.Count)];
        Note($"replay {row.Key}");
        Assert.False(await s.FromTelegramAsync(row.Kind, new LedgerAmount(row.Nanostars), row.At, row.Key, row.Key.Split(':')[1]));
    }

    private Task MoveClockAsync()
    {
        var upcoming = Model.Values.Where(r => r.Nanostars > 0 && r.ReleasesAt > Now).Select(r => r.ReleasesAt).ToList();
        var edge = upcoming.Count > 0 ? upcoming[rng.Next(upcoming.Count)] : Now + Hold;
        var target = rng.Next(8) switch
        {
            0 => Now + TimeSpan.FromSeconds(rng.Next(1, 600)),
            1 => Now + TimeSpan.FromHours(rng.Next(1, 48)),
            2 => Now + TimeSpan.FromDays(rng.Next(1, 8)),
            3 or 4 => edge,
            5 => edge - TimeSpan.FromSeconds(1),
            6 => edge - Microsecond,
            _ => edge + Microsecond,
        };
        if (target > Now)
        {
            EdgeJumps += upcoming.Count > 0 && Math.Abs((target - edge).Ticks) <= TimeSpan.TicksPerSecond ? 1 : 0;
            Note($"clock → {target:O}");
            app.Clock.SetUtcNow(target);
        }

        return Task.CompletedTask;
    }
}
