import { router } from '../../trpc';
import { upload } from './upload';

export const filesRouter = router({ upload });
