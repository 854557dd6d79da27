/* ra-endpoint-private.h — the address rules, for other core files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ra-endpoint.h"

G_BEGIN_DECLS

/* "localhost" or a literal loopback address: the only hosts that plain
 * http:// may reach, as nothing leaves this computer. */
gboolean ra_endpoint_host_is_loopback (const char *host);

G_END_DECLS
