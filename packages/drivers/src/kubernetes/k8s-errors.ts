import { DriverError } from "@tessera/core";
import { ApiException } from "@kubernetes/client-node";

/** The parts of a Kubernetes `Status` answer the driver reads. */
interface StatusBody {
  reason?: string;
  message?: string;
  code?: number;
}

function statusBody(body: unknown): StatusBody {
  if (typeof body === "string") {
    try {
      return statusBody(JSON.parse(body));
    } catch {
      return { message: body };
    }
  }
  return body && typeof body === "object" ? body : {};
}

export function apiStatusCode(error: unknown): number | null {
  return error instanceof ApiException ? error.code : null;
}

export function isNotFound(error: unknown): boolean {
  return apiStatusCode(error) === 404;
}

/**
 * Pure: a failed call to the API server as a DriverError. Transient answers — 409 (someone
 * wrote the object between our read and write), 429, 5xx, a server that does not answer, a
 * token the server rejects while it restarts — are retryable; a request the server refuses for
 * what it asks is not, and carries the server's reason: 422 (invalid), 403 with "exceeded quota"
 * (the namespace's ResourceQuota), other 403s (the worker's role does not allow it), 400, 404.
 */
export function kubernetesFailure(error: unknown, doing: string): DriverError {
  if (error instanceof DriverError) return error;
  if (!(error instanceof ApiException)) {
    const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
    const detail = cause?.code ?? cause?.message ?? (error as Error | null)?.message ?? "no answer";
    return new DriverError(
      `The Kubernetes API server did not answer (${doing}: ${detail}).`,
      true,
      {
        unreachable: true,
      },
    );
  }
  const code = error.code;
  const status = statusBody(error.body);
  const message = (status.message ?? error.message).trim();
  const detail = { status: code, reason: status.reason ?? null };
  if (code === 409) {
    return new DriverError(`Kubernetes reported a conflict (${doing}): ${message}`, true, detail);
  }
  if (code === 401) {
    return new DriverError(
      `The Kubernetes API server rejected the worker's credentials (${doing}).`,
      true,
      detail,
    );
  }
  if (code === 429 || code >= 500) {
    return new DriverError(
      `The Kubernetes API server is busy or failing (${doing}): ${message}`,
      true,
      {
        ...detail,
      },
    );
  }
  if (code === 403 && /exceeded quota|must specify/i.test(message)) {
    return new DriverError(`The namespace's quota refused it: ${message}`, false, {
      ...detail,
      quota: true,
    });
  }
  // Any other 403 is about Tessera's own ServiceAccount, not the tenant: an API server that has
  // just started answers so until its authorisation caches have caught up, and a permission
  // missing for good is the platform's to fix. Retried, so it ends in the dead letters with
  // these words if it lasts, rather than failing the tenant's endpoint.
  if (code === 403) {
    return new DriverError(
      `Kubernetes did not let Tessera's worker do it (${doing}): ${message}. If this lasts, the worker's ServiceAccount is missing a permission.`,
      true,
      detail,
    );
  }
  if (code === 422) {
    return new DriverError(`Kubernetes refused it as invalid: ${message}`, false, detail);
  }
  return new DriverError(`Kubernetes refused it (${doing}): ${message}`, false, detail);
}
