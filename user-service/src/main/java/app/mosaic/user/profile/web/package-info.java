/** Profiles at the HTTP edge; its views are shared with the graph and search modules, which list people. */
@NamedInterface("web")
package app.mosaic.user.profile.web;

import org.springframework.modulith.NamedInterface;
