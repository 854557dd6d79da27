/* ra-input-row-base.h — the one layout of every input row
 *
 * Each kind of input row (ra-input-row-factory.h) derives from this: the
 * input's name with, where its platforms differ from the action's, a
 * note beside it; the row's control below, the width of the row; then
 * the input's description and, once the user has been there, what is
 * wrong with the value. The subclass adds the control and implements
 * RaInputRow. gtk_widget_grab_focus () on the row focuses its control.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ra-action-input.h"
#include "ra-remote-action.h"

G_BEGIN_DECLS

#define RA_TYPE_INPUT_ROW_BASE (ra_input_row_base_get_type ())
G_DECLARE_DERIVABLE_TYPE (RaInputRowBase, ra_input_row_base, RA, INPUT_ROW_BASE, AdwPreferencesRow)

struct _RaInputRowBaseClass
{
  AdwPreferencesRowClass parent_class;
};

RaActionInput *ra_input_row_base_get_input        (RaInputRowBase *self);
/* The platform note, or NULL when none is shown. */
const char    *ra_input_row_base_get_note         (RaInputRowBase *self);

/* For subclasses. */

/* control holds the value: it gets the input's accessible description
 * and, while the value is refused, the error style. */
void           ra_input_row_base_set_control      (RaInputRowBase *self,
                                                   GtkWidget      *control);
/* A button that goes with the control, after it. */
void           ra_input_row_base_add_button       (RaInputRowBase *self,
                                                   GtkWidget      *button);
/* The value changed; by_user marks the row as visited, after which a
 * value that cannot be sent says why. Emits RaInputRow::changed. */
void           ra_input_row_base_value_changed    (RaInputRowBase *self,
                                                   gboolean        by_user);
/* A menu of the input's options, each activating action_name with the
 * option as a string target. */
GMenuModel    *ra_input_row_base_build_options_menu (RaInputRowBase *self,
                                                     const char     *action_name);

G_END_DECLS
