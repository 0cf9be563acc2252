import protobuf from 'protobufjs';

// The layout of WhatsApp's verified-name certificate as the open WAProto definitions give it
// (onprem-api-facts.md §9): the cert parameter is this message, base64-encoded.
const { root } = protobuf.parse(`
  syntax = "proto2";
  message VerifiedNameCertificate {
    optional bytes details = 1;
    optional bytes signature = 2;
    optional bytes serverSignature = 3;
    message Details {
      optional uint64 serial = 1;
      optional string issuer = 2;
      optional string verifiedName = 4;
      repeated LocalizedName localizedNames = 8;
      optional uint64 issueTime = 10;
    }
  }
  message LocalizedName {
    optional string lg = 1;
    optional string lc = 2;
    optional string verifiedName = 3;
  }
`);

const certificateType = root.lookupType('VerifiedNameCertificate');
const detailsType = root.lookupType('VerifiedNameCertificate.Details');

export interface CertificateDetails {
  verifiedName: string;
  serial?: number;
  issuer?: string;
}

export type DecodedCertificate = { ok: true; details: CertificateDetails } | { ok: false; reason: string };

const base64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The verified name inside a base64 certificate, or why there is none. Signatures are not checked. */
export function decodeCertificate(cert: string): DecodedCertificate {
  if (cert.length === 0 || !base64.test(cert)) return { ok: false, reason: 'cert is not base64' };
  try {
    const certificate = certificateType.decode(Buffer.from(cert, 'base64')) as unknown as { details?: Uint8Array };
    if (!certificate.details?.length) return { ok: false, reason: 'cert has no details' };
    const details = detailsType.decode(certificate.details) as unknown as {
      verifiedName?: string;
      serial?: unknown;
      issuer?: string;
    };
    if (!details.verifiedName) return { ok: false, reason: 'cert details have no verified name' };
    return {
      ok: true,
      details: { verifiedName: details.verifiedName, serial: Number(details.serial ?? 0), issuer: details.issuer },
    };
  } catch (error) {
    return { ok: false, reason: `cert is not a verified-name certificate: ${(error as Error).message}` };
  }
}

/** An unsigned certificate for `verifiedName`: what an emulator accepts in place of one from WhatsApp Manager. */
export function mintCertificate({
  verifiedName,
  serial = 1,
  issuer = 'wa-account-conformance',
}: CertificateDetails): string {
  const details = detailsType.encode({ serial, issuer, verifiedName }).finish();
  const certificate = certificateType.encode({ details, signature: new Uint8Array(64) }).finish();
  return Buffer.from(certificate).toString('base64');
}
