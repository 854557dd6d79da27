/* ra-secret-store-private.h — internals shared with the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ra-secret-store.h"

G_BEGIN_DECLS

typedef enum
{
  RA_SECRET_OPERATION_STORE,
  RA_SECRET_OPERATION_LOOKUP,
  RA_SECRET_OPERATION_CLEAR,
} RaSecretOperation;

/* Turns what libsecret reported about operation into an RA_ERROR_KEYRING
 * error whose message says what did not happen, why, and what to do. */
GError *ra_secret_store_keyring_error_new (const GError      *error,
                                           RaSecretOperation  operation);

G_END_DECLS
