import { router } from '../../trpc';
import { awardPackage } from './award-package';
import { cancelPackage } from './cancel-package';
import { createPackage } from './create-package';
import { getPackage } from './get-package';
import { listAgencies } from './list-agencies';
import { listBids } from './list-bids';
import { listPackages } from './list-packages';
import { offerPackage } from './offer-package';
import { openPackage } from './open-package';
import { previewPackage } from './preview-package';
import { saveTerms } from './save-terms';

/** The creditor's packages: build, set terms, open, compare bids, award or offer directly. */
export const packagesRouter = router({
  create: createPackage,
  preview: previewPackage,
  get: getPackage,
  list: listPackages,
  saveTerms,
  open: openPackage,
  cancel: cancelPackage,
  bids: listBids,
  award: awardPackage,
  offer: offerPackage,
  agencies: listAgencies,
});
