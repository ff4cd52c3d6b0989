import type { ReactNode } from 'react';
import { PortalLayout } from '../_components/portal-layout';

const Layout = ({ children }: { children: ReactNode }) => <PortalLayout portal="staff">{children}</PortalLayout>;

export default Layout;
