export { decodeCertificate, mintCertificate, type CertificateDetails, type DecodedCertificate } from './verifiedNameCertificate.js';
