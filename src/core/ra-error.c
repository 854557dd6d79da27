/* ra-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-error"

#include "config.h"

#include "ra-error.h"

G_DEFINE_QUARK (ra-error-quark, ra_error)
