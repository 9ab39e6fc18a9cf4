import { z } from 'zod';
import type { Backup, RestoreResult } from '../../backup/backup';
import { declareRequests, replyType } from '../declare-requests';

/** Backups of everything the agent keeps. The backup is checked in full by utils/backup, so here it is unknown. */
export const backupRequests = declareRequests({
  'backup.create': { from: ['extension-page'], reply: replyType<Backup>() },
  /** Answers the sections restored, and those whose hashed buyer data stayed behind. */
  'backup.restore': { from: ['extension-page'], fields: { backup: z.unknown() }, reply: replyType<RestoreResult>() },
});
