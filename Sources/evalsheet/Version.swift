/// The version `evalsheet --version` prints.
let evalsheetVersion = "0.9.0"
