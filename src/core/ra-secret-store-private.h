/* ra-secret-store-private.h — internals shared with the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ra-secret-store.h"

G_BEGIN_DECLS

/* Turns what libsecret reported into an RA_ERROR_KEYRING error whose
 * message says what happened and what to do. doing: "saving the client
 * secret" and the like, already translated. */
GError *ra_secret_store_keyring_error_new (const GError *error,
                                           const char   *doing);

G_END_DECLS
