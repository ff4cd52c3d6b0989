import type { ReactNode } from 'react';
import { PortalLayout } from '../_components/portal-layout';

const Layout = ({ children }: { children: ReactNode }) => <PortalLayout portal="apply">{children}</PortalLayout>;

export default Layout;
