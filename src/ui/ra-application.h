/* ra-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ra-client.h"

G_BEGIN_DECLS

#define RA_TYPE_APPLICATION (ra_application_get_type ())
G_DECLARE_FINAL_TYPE (RaApplication, ra_application, RA, APPLICATION, AdwApplication)

RaApplication *ra_application_new             (void);

/* The client of the built-in demo instance, starting the simulator on
 * first use. */
RaClient      *ra_application_get_demo_client (RaApplication  *self,
                                               GError        **error);

G_END_DECLS
