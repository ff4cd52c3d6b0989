import { openComplaintEvidence, openHoldDocument } from '../domain/complaints/evidence';
import { openFile } from '../domain/files/files';
import { getBlobStore } from '../storage/store';
import { fileResponse, type Open } from './file-response';
import { asRouteCaller } from './route-caller';

// File bytes cannot travel inside tRPC's JSON, so they are served here through the same
// domain rule (openFile) as every procedure; another organization's file answers 404 like
// a missing one. Production serves these routes through Next.js (scripts/serve.ts hands
// everything but tRPC and /api/v1 to it), so ranges work the same there.

/** Serves bytes a domain rule opened for the signed-in caller (404 for anything they may not read). */
export const serveFile = async (req: Request, id: string, open: Open): Promise<Response> =>
  asRouteCaller(req, (db, caller) => fileResponse(req, id, db, caller, open));

export const downloadFile = (req: Request, fileId: string) =>
  serveFile(req, fileId, (db, caller, id, range) => openFile(db, caller, id, getBlobStore(), new Date(), range));

export const downloadComplaintEvidence = (req: Request, evidenceId: string) =>
  serveFile(req, evidenceId, (db, caller, id, range) => openComplaintEvidence(db, caller, id, getBlobStore(), range));

export const downloadHoldDocument = (req: Request, holdId: string) =>
  serveFile(req, holdId, (db, caller, id, range) => openHoldDocument(db, caller, id, getBlobStore(), range));
