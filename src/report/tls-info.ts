// What the report says about an endpoint's certificate (DESIGN.md, "tls"):
// null where no handshake reached the certificate; otherwise every field,
// unknown ones null, also when verification failed.

export interface TlsInfo {
  readonly protocol: string | null;
  readonly notAfter: string | null;
  readonly daysToExpiry: number | null;
  readonly issuer: string | null;
  readonly subject: string | null;
  readonly trusted: boolean | null;
  readonly hostnameMatch: boolean | null;
}
