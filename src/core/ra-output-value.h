/* ra-output-value.h — reading the value of a remote action's output as
 * an NQL answer gives it, by the type the action declares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "true", "false", "1", "0", "yes", "no", in any case. */
gboolean  ra_output_value_parse_bool  (const char *text,
                                       gboolean   *value);
/* A whole number, also when written as a number with a zero fraction
 * ("60000.0"), as some answers write integers; never negative. */
gboolean  ra_output_value_parse_count (const char *text,
                                       guint64    *value);
/* A list as the answer writes it, a JSON array of strings or other
 * scalars ('["a","b"]'), as strings; NULL for any other text. */
char    **ra_output_value_parse_list  (const char *text);

G_END_DECLS
