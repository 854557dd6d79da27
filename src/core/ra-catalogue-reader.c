/* ra-catalogue-reader.c — turns a list-of-actions body into models
 *
 * A catalogue of 10,000 actions is some 14 MB. Building a json-glib tree
 * for it and then walking the tree takes most of the time between the
 * request and the list, so the common case, a valid catalogue, is read in
 * one pass straight into the models. The reader is deliberately narrow:
 * whatever it is not sure about in one action, it hands to the tree path
 * for that action alone, so that every verdict and every error message
 * stays the tree path's while the rest of the catalogue keeps the fast
 * path. Optional members that are absent or null are the everyday case
 * of real servers, and never leave the fast path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-catalogue-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ra-catalogue-reader-private.h"
#include "ra-json-reader-private.h"
#include "ra-error.h"
#include "ra-json-private.h"
#include "ra-models-private.h"

/* Reads a member name and its colon; returns the index of the name in
 * names, or -1 for a member the schema does not know (to be skipped),
 * or -2 on any problem. */
static int
read_member (RaJsonReader       *r,
             const char * const *names,
             guint               n_names)
{
  const char *name;
  gsize len;

  if (!_ra_json_reader_string (r, NULL, &name, &len) || !ra_json_reader_accept (r, ':'))
    return -2;

  for (guint i = 0; i < n_names; i++)
    {
      if (strlen (names[i]) == len && memcmp (names[i], name, len) == 0)
        return (int) i;
    }

  return -1;
}

/* Walks an object's members. For each known one, calls read with its
 * index; unknown members are skipped, and so are null values of members
 * that are not required (they keep their defaults, as in the tree path);
 * a member seen twice, a required one that is null, or one missing at the
 * end, is left to the tree path. */
typedef gboolean (*MemberFunc) (RaJsonReader *r, guint index, gpointer data);

static gboolean
read_object (RaJsonReader       *r,
             const char * const *names,
             guint               n_names,
             guint32             required,
             MemberFunc          read,
             gpointer            data)
{
  guint32 seen = 0;

  if (!ra_json_reader_accept (r, '{') || ++r->depth > RA_JSON_READER_MAX_DEPTH)
    return FALSE;

  if (!ra_json_reader_accept (r, '}'))
    {
      do
        {
          int index = read_member (r, names, n_names);

          if (index == -2)
            return FALSE;
          if (index == -1)
            {
              if (!_ra_json_reader_skip (r))
                return FALSE;
              continue;
            }
          if (seen & (1u << index))
            return FALSE;
          seen |= 1u << index;

          ra_json_reader_skip_ws (r);
          if (r->end - r->p >= 4 && memcmp (r->p, "null", 4) == 0)
            {
              if (required & (1u << index))
                return FALSE;
              r->p += 4;
              continue;
            }

          if (!read (r, index, data))
            return FALSE;
        }
      while (ra_json_reader_accept (r, ','));

      if (!ra_json_reader_accept (r, '}'))
        return FALSE;
    }

  r->depth--;
  return (seen & required) == required;
}

static gboolean
read_tristate (RaJsonReader *r,
               RaTristate   *out)
{
  gboolean value;

  if (!_ra_json_reader_bool (r, &value))
    return FALSE;

  *out = value ? RA_TRISTATE_YES : RA_TRISTATE_NO;
  return TRUE;
}

typedef gpointer (*ItemFunc) (RaJsonReader *r);

static GListStore *
read_list (RaJsonReader *r,
           GType         item_type,
           ItemFunc      read)
{
  g_autoptr(GPtrArray) items = NULL;
  GListStore *store;

  if (!ra_json_reader_accept (r, '[') || ++r->depth > RA_JSON_READER_MAX_DEPTH)
    return NULL;

  items = g_ptr_array_new_with_free_func (g_object_unref);

  if (!ra_json_reader_accept (r, ']'))
    {
      do
        {
          gpointer item = read (r);

          if (item == NULL)
            return NULL;
          g_ptr_array_add (items, item);
        }
      while (ra_json_reader_accept (r, ','));

      if (!ra_json_reader_accept (r, ']'))
        return NULL;
    }

  r->depth--;
  store = g_list_store_new (item_type);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return store;
}

static gboolean
read_strv (RaJsonReader   *r,
           char         ***out)
{
  g_autoptr(GPtrArray) strings = NULL;

  if (!ra_json_reader_accept (r, '[') || ++r->depth > RA_JSON_READER_MAX_DEPTH)
    return FALSE;

  strings = g_ptr_array_new_with_free_func (g_free);

  if (!ra_json_reader_accept (r, ']'))
    {
      do
        {
          char *value = NULL;

          if (!_ra_json_reader_string (r, &value, NULL, NULL))
            return FALSE;
          g_ptr_array_add (strings, value);
        }
      while (ra_json_reader_accept (r, ','));

      if (!ra_json_reader_accept (r, ']'))
        return FALSE;
    }

  r->depth--;
  g_ptr_array_add (strings, NULL);
  *out = (char **) g_ptr_array_free (g_steal_pointer (&strings), FALSE);
  return TRUE;
}

/* Reads a string member into a field that must still be empty. */
static gboolean
read_field (RaJsonReader  *r,
            char         **field)
{
  return _ra_json_reader_string (r, field, NULL, NULL);
}

/* Inputs */

typedef struct
{
  char *id;
  char *name;
  char *description;
  char **options;
  RaTristate used_by_windows;
  RaTristate used_by_macos;
  RaTristate allow_custom_value;
} InputFields;

static const char * const input_names[] = {
  "id", "name", "description", "usedByWindows", "usedByMacOs", "options", "allowCustomValue",
};

static gboolean
read_input_member (RaJsonReader *r,
                   guint         index,
                   gpointer      data)
{
  InputFields *f = data;

  switch (index)
    {
    case 0: return read_field (r, &f->id);
    case 1: return read_field (r, &f->name);
    case 2: return read_field (r, &f->description);
    case 3: return read_tristate (r, &f->used_by_windows);
    case 4: return read_tristate (r, &f->used_by_macos);
    case 5: return read_strv (r, &f->options);
    case 6: return read_tristate (r, &f->allow_custom_value);
    default: g_assert_not_reached ();
    }
}

static gpointer
read_input (RaJsonReader *r)
{
  InputFields f = {
    NULL, NULL, NULL, NULL,
    RA_TRISTATE_UNKNOWN, RA_TRISTATE_UNKNOWN, RA_TRISTATE_UNKNOWN,
  };

  /* Only the id is required. */
  if (!read_object (r, input_names, G_N_ELEMENTS (input_names), 1u << 0,
                    read_input_member, &f))
    {
      g_free (f.id);
      g_free (f.name);
      g_free (f.description);
      g_strfreev (f.options);
      return NULL;
    }

  return _ra_action_input_new_take (f.id, f.name, f.description, f.options,
                                    f.used_by_windows, f.used_by_macos,
                                    f.allow_custom_value);
}

/* Outputs */

typedef struct
{
  char *id;
  char *name;
  char *output_type;
  char *description;
  RaTristate used_by_windows;
  RaTristate used_by_macos;
} OutputFields;

static const char * const output_names[] = {
  "id", "name", "type", "description", "usedByWindows", "usedByMacOs",
};

static gboolean
read_output_member (RaJsonReader *r,
                    guint         index,
                    gpointer      data)
{
  OutputFields *f = data;

  switch (index)
    {
    case 0: return read_field (r, &f->id);
    case 1: return read_field (r, &f->name);
    case 2: return read_field (r, &f->output_type);
    case 3: return read_field (r, &f->description);
    case 4: return read_tristate (r, &f->used_by_windows);
    case 5: return read_tristate (r, &f->used_by_macos);
    default: g_assert_not_reached ();
    }
}

static gpointer
read_output (RaJsonReader *r)
{
  OutputFields f = {
    NULL, NULL, NULL, NULL, RA_TRISTATE_UNKNOWN, RA_TRISTATE_UNKNOWN,
  };

  /* Only the id is required. */
  if (!read_object (r, output_names, G_N_ELEMENTS (output_names), 1u << 0,
                    read_output_member, &f))
    {
      g_free (f.id);
      g_free (f.name);
      g_free (f.output_type);
      g_free (f.description);
      return NULL;
    }

  return _ra_action_output_new_take (f.id, f.name, f.output_type, f.description,
                                     f.used_by_windows, f.used_by_macos);
}

/* Actions */

/* Every purpose is kept as written; the documented ones also set a flag. */
static gboolean
read_purpose (RaJsonReader   *r,
              RaPurpose      *out,
              char         ***texts)
{
  RaPurpose purpose = RA_PURPOSE_NONE;
  g_autoptr(GPtrArray) strings = NULL;

  if (!ra_json_reader_accept (r, '[') || ++r->depth > RA_JSON_READER_MAX_DEPTH)
    return FALSE;

  strings = g_ptr_array_new_with_free_func (g_free);

  if (!ra_json_reader_accept (r, ']'))
    {
      do
        {
          char *value = NULL;

          if (!_ra_json_reader_string (r, &value, NULL, NULL))
            return FALSE;
          purpose |= _ra_purpose_from_text (value, strlen (value));
          g_ptr_array_add (strings, value);
        }
      while (ra_json_reader_accept (r, ','));

      if (!ra_json_reader_accept (r, ']'))
        return FALSE;
    }

  r->depth--;
  g_ptr_array_add (strings, NULL);
  *out = purpose;
  *texts = (char **) g_ptr_array_free (g_steal_pointer (&strings), FALSE);
  return TRUE;
}

static gboolean
read_run_as (RaJsonReader  *r,
             RaRunAs       *out,
             char         **text)
{
  char *value = NULL;

  if (!_ra_json_reader_string (r, &value, NULL, NULL))
    return FALSE;

  *out = _ra_run_as_from_text (value, strlen (value));
  *text = value;
  return TRUE;
}

static const char * const targeting_names[] = {
  "apiEnabled", "manualEnabled", "workflowEnabled", "manualAllowMultipleDevices",
};

static gboolean
read_targeting_member (RaJsonReader *r,
                       guint         index,
                       gpointer      data)
{
  RaRemoteActionFields *f = data;

  switch (index)
    {
    case 0: return read_tristate (r, &f->api_enabled);
    case 1: return read_tristate (r, &f->manual_enabled);
    case 2: return read_tristate (r, &f->workflow_enabled);
    case 3: return read_tristate (r, &f->manual_allow_multiple_devices);
    default: g_assert_not_reached ();
    }
}

static const char * const script_info_names[] = {
  "executionServiceDelegate", "runAs", "timeoutSeconds", "hasScriptWindows",
  "hasScriptMacOs", "inputs", "outputs",
};

static gboolean
read_script_info_member (RaJsonReader *r,
                         guint         index,
                         gpointer      data)
{
  RaRemoteActionFields *f = data;

  switch (index)
    {
    case 0:
      return read_field (r, &f->execution_service_delegate);
    case 1:
      return read_run_as (r, &f->run_as, &f->run_as_text);
    case 2:
      return _ra_json_reader_uint (r, &f->timeout_seconds) && f->timeout_seconds <= G_MAXINT32;
    case 3:
      return read_tristate (r, &f->has_script_windows);
    case 4:
      return read_tristate (r, &f->has_script_macos);
    case 5:
      f->inputs = read_list (r, RA_TYPE_ACTION_INPUT, read_input);
      return f->inputs != NULL;
    case 6:
      f->outputs = read_list (r, RA_TYPE_ACTION_OUTPUT, read_output);
      return f->outputs != NULL;
    default:
      g_assert_not_reached ();
    }
}

static const char * const action_names[] = {
  "id", "uuid", "name", "description", "origin", "builtInContentVersion",
  "purpose", "targeting", "scriptInfo",
};

static gboolean
read_action_member (RaJsonReader *r,
                    guint         index,
                    gpointer      data)
{
  RaRemoteActionFields *f = data;

  switch (index)
    {
    case 0: return read_field (r, &f->id) && f->id[0] != '\0';
    case 1: return read_field (r, &f->uuid);
    case 2: return read_field (r, &f->name);
    case 3: return read_field (r, &f->description);
    case 4: return read_field (r, &f->origin);
    case 5: return read_field (r, &f->built_in_content_version);
    case 6: return read_purpose (r, &f->purpose, &f->purpose_texts);
    case 7:
      return read_object (r, targeting_names, G_N_ELEMENTS (targeting_names), 0,
                          read_targeting_member, f);
    case 8:
      return read_object (r, script_info_names, G_N_ELEMENTS (script_info_names), 0,
                          read_script_info_member, f);
    default:
      g_assert_not_reached ();
    }
}

static RaRemoteAction *
read_action (RaJsonReader *r)
{
  RaRemoteActionFields f;

  _ra_remote_action_fields_init (&f);

  /* Only the id and the name are required. */
  if (!read_object (r, action_names, G_N_ELEMENTS (action_names), (1u << 0) | (1u << 2),
                    read_action_member, &f))
    {
      _ra_remote_action_fields_clear (&f);
      return NULL;
    }

  return _ra_remote_action_new_take (&f);
}

/* One action the fast path was not sure about, through the tree path:
 * its verdict, and its message, are those of a whole-body parse. */
static gboolean
read_action_slowly (RaCatalogue *catalogue,
                    GPtrArray   *actions,
                    guint        index,
                    const char  *data,
                    gsize        length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *problem_path = NULL;
  g_autoptr(JsonNode) node = NULL;
  RaJsonPath root = RA_JSON_PATH_INIT (NULL);
  RaJsonPath element = ra_json_path_element (&root, index);
  RaRemoteAction *action;
  char *id = NULL;

  root.problem_path = &problem_path;

  /* The fast reader has checked the syntax, which is stricter than
   * json-glib's; should they ever disagree, the whole body goes. */
  node = ra_json_parse (data, length, NULL);
  if (node == NULL)
    return FALSE;

  action = _ra_remote_action_parse (node, &element, &error);
  if (action != NULL)
    {
      g_ptr_array_add (actions, action);
      return TRUE;
    }

  if (!_ra_catalogue_lists_more_skipped (catalogue))
    {
      _ra_catalogue_count_skipped (catalogue);
      return TRUE;
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonNode *id_node = json_object_get_member (json_node_get_object (node), "id");

      if (id_node != NULL && JSON_NODE_HOLDS_VALUE (id_node) &&
          json_node_get_value_type (id_node) == G_TYPE_STRING &&
          json_node_get_string (id_node) != NULL &&
          json_node_get_string (id_node)[0] != '\0' &&
          g_utf8_validate (json_node_get_string (id_node), -1, NULL))
        id = g_strdup (json_node_get_string (id_node));
    }

  if (problem_path == NULL)
    problem_path = ra_json_path_to_string (&element);

  _ra_catalogue_take_skipped (catalogue, index, id,
                              g_steal_pointer (&problem_path),
                              g_strdup (error->message));
  return TRUE;
}

RaCatalogue *
_ra_catalogue_read_fast (const char *data,
                         gsize       length,
                         guint      *n_slow)
{
  RaJsonReader r = { data, data + length, 0 };
  g_autoptr(RaCatalogue) catalogue = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  guint index = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (n_slow != NULL)
    *n_slow = 0;

  if (!ra_json_reader_accept (&r, '[') || ++r.depth > RA_JSON_READER_MAX_DEPTH)
    return NULL;

  actions = g_ptr_array_new_with_free_func (g_object_unref);
  catalogue = _ra_catalogue_new (g_ptr_array_ref (actions));

  if (!ra_json_reader_accept (&r, ']'))
    {
      do
        {
          const char *start;
          guint depth = r.depth;
          RaRemoteAction *action;

          ra_json_reader_skip_ws (&r);
          start = r.p;

          action = read_action (&r);
          if (action != NULL)
            {
              g_ptr_array_add (actions, action);
              index++;
              continue;
            }

          /* Back to the start of the action, over it as plain JSON: what
           * is not even that is the whole body's problem, for the tree. */
          r.p = start;
          r.depth = depth;
          if (!_ra_json_reader_skip (&r))
            return NULL;

          /* Past the skipped entries it lists, the catalogue only counts:
           * what is not an object is no action, without a second look
           * (a body of a million "0" stays cheap). */
          if (*start != '{' && !_ra_catalogue_lists_more_skipped (catalogue))
            {
              _ra_catalogue_count_skipped (catalogue);
              index++;
              continue;
            }

          if (!read_action_slowly (catalogue, actions, index, start, r.p - start))
            return NULL;
          if (n_slow != NULL)
            (*n_slow)++;
          index++;
        }
      while (ra_json_reader_accept (&r, ','));

      if (!ra_json_reader_accept (&r, ']'))
        return NULL;
    }

  ra_json_reader_skip_ws (&r);
  if (r.p != r.end)
    return NULL;

  return g_steal_pointer (&catalogue);
}

RaCatalogue *
_ra_catalogue_read_tree (const char  *data,
                         gsize        length,
                         GError     **error)
{
  /* A catalogue of 10,000 actions has some 500,000 values; the bound
   * keeps a body of tiny ones ("[{},{},…]") that the one-pass reader
   * left to the tree from costing gigabytes. */
  g_autoptr(JsonNode) root = ra_json_parse_bounded (data, length, RA_CATALOGUE_TREE_MAX_VALUES,
                                                    error);

  if (root == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error_literal (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE,
                           _("The list of remote actions from the server is not a JSON "
                             "array."));
      return NULL;
    }

  return ra_catalogue_new_from_json (root, error);
}

RaCatalogue *
_ra_catalogue_read (const char  *data,
                    gsize        length,
                    GError     **error)
{
  RaCatalogue *catalogue;
  RaJsonCost cost;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The one-pass reader keeps an entry for every element it cannot read,
   * so "[0,0,…]" would cost a hundred bytes for every two. The same bound
   * as the tree path's, counted before either reads anything; a body the
   * count refuses for its syntax or depth is left to their verdicts. */
  if (!_ra_json_is_safe_to_parse (data, length, RA_CATALOGUE_TREE_MAX_VALUES, &cost) &&
      cost == RA_JSON_COST_TOO_MANY)
    {
      g_set_error_literal (error, RA_ERROR, RA_ERROR_RESPONSE_TOO_LARGE,
                           _("The server’s answer holds more items than this app accepts."));
      return NULL;
    }

  catalogue = _ra_catalogue_read_fast (data, length, NULL);
  if (catalogue != NULL)
    return catalogue;

  return _ra_catalogue_read_tree (data, length, error);
}
