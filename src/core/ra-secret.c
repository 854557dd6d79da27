/* ra-secret.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-secret"

#include "config.h"

#include "ra-secret.h"

void
ra_secret_free (char *secret)
{
  if (secret == NULL)
    return;

  /* volatile so the compiler cannot drop the wipe as a dead store */
  for (volatile char *p = secret; *p != '\0'; p++)
    *p = '\0';

  g_free (secret);
}
