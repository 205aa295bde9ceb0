# Each local is evaluated by HclFunctionTests and compared with the JSON after "=>" on its line.
# "=> unknown" means the value cannot be known by a scan; "=> error" means Terraform itself would reject it
# (try() moves past an error, never past an unknown).
variable "absent" {
  type = string
}

locals {
  # numbers: one numeric model, whatever produced the number
  max_of_length   = max(length(["a"]), 1)                        # => 1
  min_of_lengths  = min(length([]), length({ a = 1 }), 3)        # => 0
  element_wraps   = element(["a", "b"], length(["a", "b"]))      # => "a"
  one_item        = one(["only"])                                # => "only"
  one_of_none     = one([])                                      # => null
  count_of_keys   = length(keys({})) > 0 ? 1 : 0                 # => 0
  int_equals_dec  = length(["a"]) == 1.0                         # => true
  arithmetic      = (length("abc") + 1.5) * 2 % 5                # => 4
  sum_abs         = sum([abs(-3), ceil(1.2), floor(2.9)])        # => 7
  parse_hex       = parseint("ff", 16)                           # => 255
  parse_binary    = parseint("-101", 2)                          # => -5
  number_text     = "${length([1, 2])}-${1.50}"                  # => "2-1.5"
  # collections
  flattened       = flatten([["a", ["b"]], [], "c"])             # => ["a","b","c"]
  distinct_items  = distinct(["a", "b", "a"])                    # => ["a","b"]
  map_keys        = keys({ b = 1, a = 2 })                       # => ["a","b"]
  map_values      = values({ b = 1, a = 2 })                     # => [2,1]
  zipped          = zipmap(["a", "b"], [1, 2])                   # => {"a":1,"b":2}
  unioned         = setunion(["a"], ["b", "a"])                  # => ["a","b"]
  ranged          = range(1, 7, 2)                               # => [1,3,5]
  sliced          = slice(["a", "b", "c", "d"], 1, 3)            # => ["b","c"]
  coalesced_list  = coalescelist([], ["x"])                      # => ["x"]
  compacted       = compact(["a", "", null, "b"])                # => ["a","b"]
  all_true        = alltrue([true, length([1]) == 1])            # => true
  any_true        = anytrue([false, false])                      # => false
  merged          = merge({ a = 1 }, null, { b = 2, a = 3 })     # => {"a":3,"b":2}
  looked_up       = lookup({ a = "x" }, "b", "fallback")         # => "fallback"
  set_of          = toset(["b", "a", "b"])                       # => ["a","b"]
  # strings
  substring       = substr("hello world", 6, -1)                 # => "world"
  starts          = startswith("arn:aws:iam", "arn:")            # => true
  ends            = endswith("bucket-logs", "-logs")             # => true
  contains_text   = strcontains("database", "tab")               # => true
  regex_groups    = regex("^(\\w+)-(\\d+)$", "db-42")            # => ["db","42"]
  regex_named     = regex("(?P<env>[a-z]+)-(?P<n>\\d)", "prod-1") # => {"env":"prod","n":"1"}
  regex_all       = regexall("[0-9]+", "a1b22c333")              # => ["1","22","333"]
  replaced_regex  = replace("a-b_c", "/[-_]/", ".")              # => "a.b.c"
  replaced_plain  = replace("a.b.c", ".", "/")                   # => "a/b/c"
  formatted       = format("%s-%03d-%v", "db", 7, true)          # => "db-007-true"
  joined          = join(",", ["a", "b"], ["c"])                 # => "a,b,c"
  # for expressions, splats and template directives
  for_list        = [for i, v in ["a", "b"] : "${i}:${v}" if v != "c"] # => ["0:a","1:b"]
  for_map         = { for k, v in { a = 1, b = 2 } : upper(k) => v * 10 } # => {"A":10,"B":20}
  for_group       = { for s in ["ax", "ay", "bz"] : substr(s, 0, 1) => s... } # => {"a":["ax","ay"],"b":["bz"]}
  splat_list      = [{ id = "x" }, { id = "y" }][*].id          # => ["x","y"]
  splat_single    = { id = "z" }[*].id                           # => ["z"]
  template_if     = "%{ if length([1]) > 0 }yes%{ else }no%{ endif }" # => "yes"
  template_for    = "%{ for n in ["a", "b"] ~} <${n}> %{~ endfor }" # => "<a><b>"
  # encoding
  b64             = base64encode("hello")                        # => "aGVsbG8="
  b64_back        = base64decode("aGVsbG8=")                     # => "hello"
  yaml_back       = yamldecode("a: 1\nb: [x, true]\n")           # => {"a":1,"b":["x",true]}
  yaml_round      = yamldecode(yamlencode({ a = ["x"] }))        # => {"a":["x"]}
  json_back       = jsondecode(jsonencode({ a = [1, "b"] }))     # => {"a":[1,"b"]}
  # networks
  subnet          = cidrsubnet("10.0.0.0/16", 8, 2)              # => "10.0.2.0/24"
  subnet6         = cidrsubnet("fd00::/56", 8, 1)                # => "fd00:0:0:1::/64"
  host            = cidrhost("10.0.1.0/24", 5)                   # => "10.0.1.5"
  host_last       = cidrhost("10.0.1.0/24", -2)                  # => "10.0.1.254"
  # files, relative to the root module's directory
  file_text       = trimspace(file("${path.module}/files/greeting.txt"))                # => "hello from a file"
  file_exists     = [fileexists("files/greeting.txt"), fileexists("files/missing.txt")] # => [true,false]
  templated       = templatefile("${path.module}/files/user.tftpl", { name = "ada", roles = ["a", "b"] }) # => "user ada: a,b,"
  # sensitivity is not a value
  hidden          = nonsensitive(sensitive("visible"))           # => "visible"
  # try and can: errors are skipped, unknowns kept
  try_error       = try({ a = 1 }.b, "fallback")                 # => "fallback"
  try_unknown     = try(var.absent, "fallback")                  # => unknown
  can_error       = can({ a = 1 }.b)                             # => false
  can_unknown     = can(var.absent)                              # => unknown
  unknown_arg     = upper(var.absent)                            # => unknown
  bad_argument    = parseint("zz", 10)                           # => error
  missing_key     = { a = 1 }.b                                  # => error
  out_of_range    = ["a"][3]                                     # => error
  no_such_file    = file("files/missing.txt")                    # => error
  clock           = timestamp()                                  # => unknown
  # an object or tuple is not null while some of its members are unknown; an unknown value may be
  object_not_null = { bucket = var.absent } != null              # => true
  tuple_is_null   = null == [var.absent]                         # => false
  unknown_null    = var.absent != null                           # => unknown
  # coalesce decides at its first non-null argument when the ones before it are known
  coalesce_early  = coalesce("", "id", var.absent)               # => "id"
  coalesce_late   = coalesce(var.absent, "id")                   # => unknown
  coalesce_none   = coalesce(null, "")                           # => error
  null_key        = { a = 1 }[null]                              # => error
  null_key_tried  = try(["a"][null], "fallback")                 # => "fallback"
  not_a_function  = no_such_function(1)                          # => unknown
}
