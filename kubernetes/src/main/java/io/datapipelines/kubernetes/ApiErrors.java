package io.datapipelines.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Turns what the Kubernetes client throws into one clear sentence: forbidden (with the RBAC that is
 * missing), unauthorized, not found, conflict, invalid, unreachable, timed out.
 */
public final class ApiErrors {
    private ApiErrors() {
    }

    /**
     * Runs a call against the API, translating its failures.
     *
     * @param action what is being done, for the message: "create Deployment orders-prod"
     */
    public static <T> T call(String action, String namespace, Supplier<T> call) {
        try {
            return call.get();
        } catch (KubernetesClientException e) {
            throw translate(e, action, namespace);
        }
    }

    public static void run(String action, String namespace, Runnable call) {
        call(action, namespace, () -> {
            call.run();
            return null;
        });
    }

    public static KubernetesFailure translate(KubernetesClientException e, String action, String namespace) {
        String where = namespace == null ? "" : " in namespace " + namespace;
        String detail = detail(e);
        if (e instanceof KubernetesClientTimeoutException) {
            return new KubernetesFailure("timed out: cannot " + action + where + ": " + detail, e);
        }
        return switch (e.getCode()) {
            case 401 -> new KubernetesFailure("unauthorized: the Kubernetes API rejected the credentials (kubeconfig or service "
                    + "account token) while trying to " + action + where, e);
            case 403 -> new KubernetesFailure("forbidden: not allowed to " + action + where + " (" + detail + "); "
                    + "the deployer needs the Role in docs/deployment.md", e);
            case 404 -> new KubernetesFailure("not found: cannot " + action + where + ": " + detail
                    + (namespace == null ? "" : " (does namespace " + namespace + " exist?)"), e);
            case 409 -> new KubernetesFailure("conflict: cannot " + action + where + ": it was changed by someone else at the "
                    + "same time (" + detail + "); run the command again", e);
            case 422 -> new KubernetesFailure("invalid: the API server refused to " + action + where + ": " + detail, e);
            case 408, 504 -> new KubernetesFailure("timed out: cannot " + action + where + ": " + detail, e);
            default -> e.getCode() <= 0 ? transport(e, action, where) : e.getCode() >= 500
                    ? new KubernetesFailure("the Kubernetes API failed (HTTP " + e.getCode() + ") to " + action + where + ": " + detail, e)
                    : new KubernetesFailure("cannot " + action + where + " (HTTP " + e.getCode() + "): " + detail, e);
        };
    }

    private static KubernetesFailure transport(KubernetesClientException e, String action, String where) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException || t instanceof TimeoutException
                    || t instanceof java.net.SocketTimeoutException) {
                return new KubernetesFailure("timed out: the Kubernetes API did not answer while trying to " + action + where, e);
            }
            if (t instanceof UnknownHostException || t instanceof ConnectException) {
                return new KubernetesFailure("unreachable: cannot connect to the Kubernetes API to " + action + where + " ("
                        + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage())
                        + "); check the kubeconfig's server address and the network", e);
            }
        }
        if (e.getCause() instanceof IOException io) {
            return new KubernetesFailure("unreachable: cannot talk to the Kubernetes API to " + action + where + " ("
                    + (io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage()) + ")", e);
        }
        return new KubernetesFailure("cannot " + action + where + ": " + detail(e), e);
    }

    private static String detail(KubernetesClientException e) {
        if (e.getStatus() != null && e.getStatus().getMessage() != null && !e.getStatus().getMessage().isBlank()) {
            return e.getStatus().getMessage();
        }
        String message = e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        // The client's own messages start with the request ("Failure executing: GET at: https://..."): keep the reason.
        int reason = message.indexOf("Message: ");
        return reason >= 0 ? message.substring(reason + "Message: ".length()).strip() : message.strip();
    }
}
