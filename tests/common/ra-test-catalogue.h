/* ra-test-catalogue.h — catalogue bodies for tests and benchmarks
 *
 * The simulator's generator is the one source of large catalogues: the
 * tests and benchmarks read what the demo instance serves, instead of
 * copies of their own that drift apart from it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "ra-simulator.h"

G_BEGIN_DECLS

/* actions (of JsonNode objects) as one JSON array, compact or pretty. */
char *ra_test_catalogue_to_json   (GPtrArray    *actions,
                                   gboolean      pretty);

/* The body of a list request to a simulator with n generated actions:
 * every member the schema lists in the tidy profile; sparse and null
 * valued, as real instances answer, in the realistic one. */
char *ra_test_catalogue_generate  (guint         n,
                                   RaSimProfile  profile);

G_END_DECLS
