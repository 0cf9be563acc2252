export {
  type CertificateDetails,
  type DecodedCertificate,
  decodeCertificate,
  mintCertificate,
} from './verifiedNameCertificate.js';
