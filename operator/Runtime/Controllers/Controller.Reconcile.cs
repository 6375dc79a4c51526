using Microsoft.Extensions.Logging;

namespace BackendStack.Operator.Runtime.Controllers;

internal sealed partial class Controller<T>
{
    private async Task ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var active = metrics?.ActiveWorkers.WithLabels(Name);
        active?.Inc();
        var started = time.GetTimestamp();
        string result;
        try
        {
            var outcome = await reconciler.ReconcileAsync(key, cancellationToken).ConfigureAwait(false);
            if (outcome.RequeueAfter is { } delay && delay > TimeSpan.Zero)
            {
                Queue.Forget(key);
                Queue.AddAfter(key, delay);
                result = "requeue_after";
            }
            else if (outcome.Requeue)
            {
                Queue.AddRateLimited(key);
                result = "requeue";
            }
            else
            {
                Queue.Forget(key);
                result = "success";
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down (or leadership lost): the next leader reconciles this key from its own queue.
            return;
        }
        catch (TerminalReconcileException e)
        {
            Queue.Forget(key);
            metrics?.ReconcileErrors.WithLabels(Name).Inc();
            metrics?.TerminalReconcileErrors.WithLabels(Name).Inc();
            LogTerminal(logger, Name, key.Namespace, key.Name, e.Message);
            result = "error";
        }
        catch (Exception e)
        {
            Queue.AddRateLimited(key);
            metrics?.ReconcileErrors.WithLabels(Name).Inc();
            LogFailed(logger, Name, key.Namespace, key.Name, Queue.NumRequeues(key), e);
            result = "error";
        }
        finally
        {
            active?.Dec();
        }

        metrics?.ReconcileTotal.WithLabels(Name, result).Inc();
        metrics?.ReconcileTime.WithLabels(Name).Observe(time.GetElapsedTime(started).TotalSeconds);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Controller} {Namespace}/{Name}: not retried: {Reason}")]
    private static partial void LogTerminal(ILogger logger, string controller, string @namespace, string name, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Controller} {Namespace}/{Name}: reconcile failed (retry {Retries})")]
    private static partial void LogFailed(ILogger logger, string controller, string @namespace, string name, int retries, Exception error);
}
